import { describe, expect, it } from "vitest";
import type { ProviderError, Result } from "./interface";
import type { HttpReply } from "./provider-http";
import { fail, ok } from "./result";
import { TokenCache, type IssuedToken } from "./token-cache";

/** A token source that numbers its tokens, over a clock the test moves by hand. */
function setup(options: { expiresInSeconds?: number; failWith?: ProviderError } = {}) {
  const clock = { now: 1_000_000 };
  let issued = 0;
  const cache = new TokenCache(
    async (): Promise<Result<IssuedToken>> => {
      issued += 1;
      if (options.failWith) return { ok: false, error: options.failWith };
      return ok({ accessToken: `token-${issued}`, expiresInSeconds: options.expiresInSeconds ?? 3600 });
    },
    () => clock.now,
  );
  const sent: string[] = [];
  const send = (status: number | ((token: string) => number)) => (token: string) => {
    sent.push(token);
    return Promise.resolve(ok<HttpReply>({ status: typeof status === "number" ? status : status(token), body: null }));
  };
  return { cache, clock, sent, send, issuedCount: () => issued };
}

describe("TokenCache", () => {
  it("reuses the token until a minute before it expires", async () => {
    const { cache, clock, sent, send, issuedCount } = setup({ expiresInSeconds: 3600 });
    await cache.withToken(send(200));
    clock.now += 3_539_000;
    await cache.withToken(send(200));
    expect(issuedCount()).toBe(1);
    clock.now += 1_000;
    await cache.withToken(send(200));
    expect(issuedCount()).toBe(2);
    expect(sent).toEqual(["token-1", "token-1", "token-2"]);
  });

  it("renews halfway through a lifetime shorter than two minutes", async () => {
    const { cache, clock, send, issuedCount } = setup({ expiresInSeconds: 60 });
    await cache.withToken(send(200));
    clock.now += 29_000;
    await cache.withToken(send(200));
    clock.now += 1_000;
    await cache.withToken(send(200));
    expect(issuedCount()).toBe(2);
  });

  it("asks for one token when callers arrive together", async () => {
    const { cache, send, issuedCount } = setup();
    await Promise.all([cache.withToken(send(200)), cache.withToken(send(200)), cache.withToken(send(200))]);
    expect(issuedCount()).toBe(1);
  });

  it("retries once with a new token when a cached one is refused", async () => {
    const { cache, sent, send, issuedCount } = setup();
    await cache.withToken(send(200));
    const reply = await cache.withToken(send((token) => (token === "token-1" ? 401 : 202)));
    expect(reply).toEqual({ ok: true, value: { status: 202, body: null } });
    expect(sent).toEqual(["token-1", "token-1", "token-2"]);
    expect(issuedCount()).toBe(2);
  });

  it("does not retry when a token fresh from the provider is refused", async () => {
    const { cache, sent, send } = setup();
    expect(await cache.withToken(send(401))).toEqual({ ok: true, value: { status: 401, body: null } });
    expect(sent).toEqual(["token-1"]);
  });

  it("turns a token request that timed out into unavailable, and sends nothing", async () => {
    const { cache, sent, send } = setup({ failWith: fail("timeout", "MTN MoMo did not answer POST /collection/token/").error });
    expect(await cache.withToken(send(200))).toEqual(
      fail("unavailable", "MTN MoMo did not answer POST /collection/token/; no request was sent without an access token"),
    );
    expect(sent).toEqual([]);
  });

  it("passes other token failures through and asks again next time", async () => {
    const refused = fail("rejected", "HTTP 401").error;
    const { cache, send, issuedCount } = setup({ failWith: refused });
    expect(await cache.withToken(send(200))).toEqual({ ok: false, error: refused });
    await cache.withToken(send(200));
    expect(issuedCount()).toBe(2);
  });
});
