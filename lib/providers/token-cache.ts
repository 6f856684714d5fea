import type { HttpReply } from "./provider-http";
import type { ProviderError, Result } from "./interface";
import { fail, ok } from "./result";

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** Renew this long before the provider's expiry, so a token never dies in flight. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * An OAuth access token kept in memory until shortly before it expires. Concurrent callers
 * share one token request.
 */
export class TokenCache {
  private current: { token: string; renewAt: number } | null = null;
  private issuing: Promise<Result<string>> | null = null;

  constructor(
    private readonly issue: () => Promise<Result<IssuedToken>>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Sends with a valid token. When a cached token is refused (401) the request is sent once
   * more with a new one: the provider may have revoked it, or restarted, as the mocks do.
   */
  async withToken(send: (token: string) => Promise<Result<HttpReply>>): Promise<Result<HttpReply>> {
    const cached = this.current !== null && this.now() < this.current.renewAt ? this.current.token : null;
    const token = cached === null ? await this.renew() : ok(cached);
    if (!token.ok) return requestNotSent(token.error);
    const reply = await send(token.value);
    if (cached === null || !reply.ok || reply.value.status !== 401) return reply;
    if (this.current?.token === cached) this.current = null;
    const renewed = await this.renew();
    return renewed.ok ? send(renewed.value) : requestNotSent(renewed.error);
  }

  private renew(): Promise<Result<string>> {
    this.issuing ??= this.issue()
      .then((issued): Result<string> => {
        if (!issued.ok) return issued;
        const lifetimeMs = issued.value.expiresInSeconds * 1000;
        const renewAt = this.now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
        this.current = { token: issued.value.accessToken, renewAt };
        return ok(issued.value.accessToken);
      })
      .finally(() => {
        this.issuing = null;
      });
    return this.issuing;
  }
}

/**
 * Without a token the request itself never left, so a token request that timed out is not the
 * "may or may not exist" case: callers can fail the attempt instead of reconciling it.
 */
function requestNotSent(error: ProviderError): Result<never> {
  return error.kind === "timeout" ? fail("unavailable", `${error.message}; no request was sent without an access token`) : { ok: false, error };
}
