/**
 * The kit's authentication strategies, through route(...) on a tiny contract of this file's own
 * (one operation per strategy), called in-process with real Requests: good credentials, missing
 * and malformed headers, wrong secrets, unknown and revoked keys, missing scopes, the bearer
 * token's own failures, and failed logins counted against the client's IP.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { issueAccessToken } from "@/lib/services/access-tokens/issue-access-token";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { createMerchant } from "@/lib/testing/factories";
import { createApiKey, testIp } from "@/lib/testing/http";
import { apiKeyHeader, basicAuth, bearerToken, headerPair } from "./auth";
import { defineContract } from "./define";
import { DEFAULT_STATUS_BY_CODE } from "./map-error";
import { standardRateLimits } from "./rate-limit";
import { route } from "./route";
import type { AuthStrategy, JsonReply } from "./types";

const testContract = defineContract<JsonReply>({
  name: "kit-auth-test",
  tag: { name: "Kit auth test", description: "A contract that exists only in this test file" },
  owns: ["/test/"],
  rateLimits: standardRateLimits(),
  statusByCode: DEFAULT_STATUS_BY_CODE,
  renderSuccess: (reply) => reply.body,
  renderError: (error) => ({ error: error.message }),
  errorSchema: z.object({ error: z.string() }),
});

function whoAmI(path: string, operationId: string, strategy: AuthStrategy) {
  return route(
    testContract.operation({
      method: "GET",
      path,
      operationId,
      summary: operationId,
      auth: { strategy, scope: "payment_links" },
      responses: { 200: { description: "Who the credential is" } },
    }),
    async ({ credential }) => ({ body: { merchantId: credential.merchantId, credentialId: credential.id } }),
  );
}

const apiKeyRoute = whoAmI("/test/api-key", "testApiKey", apiKeyHeader("x-api-key", "testApiKey"));
const basicRoute = whoAmI("/test/basic", "testBasic", basicAuth("testBasic"));
const pairRoute = whoAmI("/test/pair", "testPair", headerPair("user-id", "user-api-key", "testPair"));
const bearerRoute = whoAmI("/test/bearer", "testBearer", bearerToken("testBearer"));
const bareBearerRoute = whoAmI("/test/bearer-or-bare", "testBareBearer", bearerToken("testBareBearer", { allowBare: true }));

type RouteHandler = (request: Request, route?: unknown) => Promise<Response>;

interface Result {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  json: any;
}

async function send(handler: RouteHandler, path: string, headers: HeadersInit = {}, ip = testIp()): Promise<Result> {
  const all = new Headers(headers);
  all.set("x-forwarded-for", ip);
  const response = await handler(new Request(`http://kit.test${path}`, { headers: all }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

function expectRefused(result: Result, status: 401 | 403 | 429, message: string) {
  expect({ status: result.status, json: result.json }).toEqual({ status, json: { error: message } });
}

const INVALID_KEY = "Invalid or inactive API key";
const MISSING_SCOPE = 'This API key lacks the "payment_links" scope; create a key with it in the dashboard';
const BASIC_REQUIRED = "Authentication required: send HTTP Basic credentials (key id and secret)";
const BASIC_MALFORMED = "Malformed HTTP Basic credentials: expected <key id>:<secret>";
const PAIR_REQUIRED = "Authentication required: send the user-id and user-api-key headers";
const BEARER_REQUIRED = "Authentication required: send Authorization: Bearer <access token>";
const INVALID_TOKEN = "Invalid or expired access token";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;

type Key = Awaited<ReturnType<typeof createApiKey>>;
let merchantA: string;
let merchantB: string;
let keyA: Key;
let keyB: Key;

beforeAll(async () => {
  merchantA = (await createMerchant("Kit auth A")).merchantId;
  merchantB = (await createMerchant("Kit auth B")).merchantId;
  keyA = await createApiKey(merchantA);
  keyB = await createApiKey(merchantB, "LIVE");
});

const saved = { perIp: process.env.RATE_LIMIT_PER_IP, window: process.env.RATE_LIMIT_WINDOW_SECONDS };
afterEach(() => {
  for (const [name, value] of [
    ["RATE_LIMIT_PER_IP", saved.perIp],
    ["RATE_LIMIT_WINDOW_SECONDS", saved.window],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("apiKeyHeader (x-api-key: <key id>.<secret>)", () => {
  it("authenticates each key as its own merchant, with no-store", async () => {
    const a = await send(apiKeyRoute, "/test/api-key", { "x-api-key": keyA.apiKey });
    expect(a.status).toBe(200);
    expect(a.json).toEqual({ merchantId: merchantA, credentialId: keyA.credentialId });
    expect(a.headers.get("cache-control")).toBe("no-store");
    const b = await send(apiKeyRoute, "/test/api-key", { "x-api-key": keyB.apiKey });
    expect(b.json).toEqual({ merchantId: merchantB, credentialId: keyB.credentialId });
  });

  it("answers 401 without the header, or with an empty one", async () => {
    expectRefused(await send(apiKeyRoute, "/test/api-key"), 401, "Missing x-api-key header");
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": "" }), 401, "Missing x-api-key header");
    // A key sent in another header is not looked at.
    expectRefused(await send(apiKeyRoute, "/test/api-key", { authorization: `Bearer ${keyA.apiKey}` }), 401, "Missing x-api-key header");
  });

  it.each([
    ["no dot", "pk_test_nodot"],
    ["nothing before the dot", ".sk_test_secret"],
    ["nothing after the dot", "pk_test_abc."],
  ])("answers 401 for a malformed key (%s)", async (_name, value) => {
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": value }), 401, INVALID_KEY);
  });

  it("answers 401 for a wrong secret, an unknown key id, and another key's secret", async () => {
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": `${keyA.keyId}.sk_test_wrong` }), 401, INVALID_KEY);
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": `pk_test_unknown.${keyA.secret}` }), 401, INVALID_KEY);
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": `${keyA.keyId}.${keyB.secret}` }), 401, INVALID_KEY);
  });

  it("answers 401 once the key is revoked", async () => {
    const key = await createApiKey(merchantA);
    expect((await send(apiKeyRoute, "/test/api-key", { "x-api-key": key.apiKey })).status).toBe(200);
    await revokeCredential({ merchantId: merchantA }, key.credentialId);
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": key.apiKey }), 401, INVALID_KEY);
  });

  it("answers 403 for a key without the operation's scope", async () => {
    const key = await createApiKey(merchantA, "SANDBOX", ["e-commerce"]);
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": key.apiKey }), 403, MISSING_SCOPE);
    const none = await createApiKey(merchantA, "SANDBOX", []);
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": none.apiKey }), 403, MISSING_SCOPE);
    const both = await createApiKey(merchantA, "SANDBOX", ["e-commerce", "payment_links"]);
    expect((await send(apiKeyRoute, "/test/api-key", { "x-api-key": both.apiKey })).status).toBe(200);
  });
});

describe("basicAuth (Authorization: Basic base64(<key id>:<secret>))", () => {
  it("authenticates the key as its merchant, whatever the case of the scheme", async () => {
    const ok = await send(basicRoute, "/test/basic", { authorization: basic(keyA.keyId, keyA.secret) });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ merchantId: merchantA, credentialId: keyA.credentialId });
    const lower = await send(basicRoute, "/test/basic", { authorization: basic(keyB.keyId, keyB.secret).replace("Basic", "basic") });
    expect(lower.json).toEqual({ merchantId: merchantB, credentialId: keyB.credentialId });
  });

  it.each([
    ["no Authorization header", undefined],
    ["an empty Authorization header", ""],
    ["the scheme alone", "Basic"],
    ["the scheme and a space", "Basic "],
    ["text that is not base64", "Basic !!not*base64!!"],
    ["two tokens", `Basic abc def`],
    ["another scheme", `Bearer ${Buffer.from("a:b").toString("base64")}`],
    ["the x-api-key format", "pk_test_a.sk_test_b"],
  ])("answers 401 asking for Basic credentials for %s", async (_name, value) => {
    const headers: Record<string, string> = value === undefined ? {} : { authorization: value };
    expectRefused(await send(basicRoute, "/test/basic", headers), 401, BASIC_REQUIRED);
  });

  it.each([
    ["no colon", Buffer.from("pk_test_nocolon").toString("base64")],
    ["nothing before the colon", Buffer.from(":sk_test_secret").toString("base64")],
    ["nothing after the colon", Buffer.from("pk_test_id:").toString("base64")],
    ["an empty decoded text", "===="],
  ])("answers 401 for malformed credentials (%s)", async (_name, encoded) => {
    expectRefused(await send(basicRoute, "/test/basic", { authorization: `Basic ${encoded}` }), 401, BASIC_MALFORMED);
  });

  it("answers 401 for a wrong secret, an unknown key id and a revoked key", async () => {
    expectRefused(await send(basicRoute, "/test/basic", { authorization: basic(keyA.keyId, "sk_test_wrong") }), 401, INVALID_KEY);
    expectRefused(await send(basicRoute, "/test/basic", { authorization: basic("pk_test_unknown", keyA.secret) }), 401, INVALID_KEY);
    // The x-api-key form inside Basic is not a key id and a secret.
    expectRefused(await send(basicRoute, "/test/basic", { authorization: basic(keyA.apiKey, keyA.secret) }), 401, INVALID_KEY);
    const key = await createApiKey(merchantA);
    expect((await send(basicRoute, "/test/basic", { authorization: basic(key.keyId, key.secret) })).status).toBe(200);
    await revokeCredential({ merchantId: merchantA }, key.credentialId);
    expectRefused(await send(basicRoute, "/test/basic", { authorization: basic(key.keyId, key.secret) }), 401, INVALID_KEY);
  });

  it("answers 403 for a key without the scope", async () => {
    const key = await createApiKey(merchantA, "SANDBOX", ["e-commerce"]);
    expectRefused(await send(basicRoute, "/test/basic", { authorization: basic(key.keyId, key.secret) }), 403, MISSING_SCOPE);
  });
});

describe("headerPair (user-id + user-api-key)", () => {
  it("authenticates the key as its merchant, in any header case, ignoring developer-id", async () => {
    const ok = await send(pairRoute, "/test/pair", { "user-id": keyA.keyId, "user-api-key": keyA.secret });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ merchantId: merchantA, credentialId: keyA.credentialId });
    const cased = await send(pairRoute, "/test/pair", { "User-Id": keyB.keyId, "USER-API-KEY": keyB.secret, "developer-id": "anything at all" });
    expect(cased.status).toBe(200);
    expect(cased.json).toEqual({ merchantId: merchantB, credentialId: keyB.credentialId });
  });

  it.each([
    ["neither header", {}],
    ["only user-id", { "user-id": "pk_test_x" }],
    ["only user-api-key", { "user-api-key": "sk_test_x" }],
    ["an empty user-id", { "user-id": "", "user-api-key": "sk_test_x" }],
    ["an empty user-api-key", { "user-id": "pk_test_x", "user-api-key": "" }],
    ["developer-id instead of user-id", { "developer-id": "pk_test_x", "user-api-key": "sk_test_x" }],
  ])("answers 401 asking for both headers with %s", async (_name, headers) => {
    expectRefused(await send(pairRoute, "/test/pair", headers), 401, PAIR_REQUIRED);
  });

  it("answers 401 for a wrong secret, an unknown key id, the whole x-api-key as the secret, and a revoked key", async () => {
    expectRefused(await send(pairRoute, "/test/pair", { "user-id": keyA.keyId, "user-api-key": "sk_test_wrong" }), 401, INVALID_KEY);
    expectRefused(await send(pairRoute, "/test/pair", { "user-id": "pk_test_unknown", "user-api-key": keyA.secret }), 401, INVALID_KEY);
    expectRefused(await send(pairRoute, "/test/pair", { "user-id": keyA.keyId, "user-api-key": keyA.apiKey }), 401, INVALID_KEY);
    expectRefused(await send(pairRoute, "/test/pair", { "user-id": keyB.keyId, "user-api-key": keyA.secret }), 401, INVALID_KEY);
    const key = await createApiKey(merchantA);
    await revokeCredential({ merchantId: merchantA }, key.credentialId);
    expectRefused(await send(pairRoute, "/test/pair", { "user-id": key.keyId, "user-api-key": key.secret }), 401, INVALID_KEY);
  });

  it("answers 403 for a key without the scope", async () => {
    const key = await createApiKey(merchantA, "SANDBOX", ["e-commerce"]);
    expectRefused(await send(pairRoute, "/test/pair", { "user-id": key.keyId, "user-api-key": key.secret }), 403, MISSING_SCOPE);
  });
});

describe("bearerToken (Authorization: Bearer <access token>)", () => {
  const token = (key: Key, options: { ttlSeconds?: number; withRefreshToken?: boolean } = {}, now?: Date) =>
    issueAccessToken(
      { grant: "client_credentials", clientId: key.keyId, clientSecret: key.secret, ttlSeconds: options.ttlSeconds ?? 3600, withRefreshToken: options.withRefreshToken },
      now,
    );

  it("authenticates a token as its key's merchant, whatever the case of the scheme", async () => {
    const a = await token(keyA);
    const ok = await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${a.accessToken}` });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ merchantId: merchantA, credentialId: keyA.credentialId });
    const b = await token(keyB);
    const lower = await send(bearerRoute, "/test/bearer", { authorization: `bearer ${b.accessToken}` });
    expect(lower.json).toEqual({ merchantId: merchantB, credentialId: keyB.credentialId });
  });

  it.each([
    ["no Authorization header", undefined],
    ["an empty Authorization header", ""],
    ["the scheme alone", "Bearer"],
    ["the scheme and a space", "Bearer "],
    ["two tokens", "Bearer at_one at_two"],
    ["Basic credentials", basic("pk_test_a", "sk_test_b")],
  ])("answers 401 asking for a bearer token for %s", async (_name, value) => {
    const headers: Record<string, string> = value === undefined ? {} : { authorization: value };
    expectRefused(await send(bearerRoute, "/test/bearer", headers), 401, BEARER_REQUIRED);
  });

  it("answers 401 for an unknown token, an API key, and a bare token when the strategy does not allow it", async () => {
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: "Bearer at_unknown" }), 401, INVALID_TOKEN);
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${keyA.apiKey}` }), 401, INVALID_TOKEN);
    const issued = await token(keyA);
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: issued.accessToken }), 401, BEARER_REQUIRED);
  });

  it("answers 401 for an expired token", async () => {
    const issued = await token(keyA, { ttlSeconds: 60 }, new Date(Date.now() - 120_000));
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${issued.accessToken}` }), 401, INVALID_TOKEN);
    // The same key's fresh token still works: only the expired one is refused.
    const fresh = await token(keyA, { ttlSeconds: 60 });
    expect((await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${fresh.accessToken}` })).status).toBe(200);
  });

  it("answers 401 for a refresh token sent as an access token", async () => {
    const issued = await token(keyA, { withRefreshToken: true });
    expect(issued.refreshToken).toMatch(/^rt_/);
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${issued.refreshToken}` }), 401, INVALID_TOKEN);
    expect((await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${issued.accessToken}` })).status).toBe(200);
  });

  it("answers 401 for the token of a revoked credential", async () => {
    const key = await createApiKey(merchantA);
    const issued = await token(key);
    expect((await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${issued.accessToken}` })).status).toBe(200);
    await revokeCredential({ merchantId: merchantA }, key.credentialId);
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${issued.accessToken}` }), 401, INVALID_TOKEN);
  });

  it("answers 401 for a live token whose credential alone was revoked", async () => {
    const key = await createApiKey(merchantA);
    const issued = await token(key);
    await getDb().apiCredential.update({ where: { id: key.credentialId }, data: { revokedAt: new Date() } });
    expect(await getDb().accessToken.count({ where: { credentialId: key.credentialId, revokedAt: null } })).toBe(1);
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${issued.accessToken}` }), 401, INVALID_TOKEN);
  });

  it("answers 403 for a token of a key without the scope", async () => {
    const key = await createApiKey(merchantA, "SANDBOX", ["e-commerce"]);
    const issued = await token(key);
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: `Bearer ${issued.accessToken}` }), 403, MISSING_SCOPE);
  });

  describe("with allowBare", () => {
    it("also takes the bare token, and still the Bearer form", async () => {
      const issued = await token(keyB);
      const bare = await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: issued.accessToken });
      expect(bare.status).toBe(200);
      expect(bare.json).toEqual({ merchantId: merchantB, credentialId: keyB.credentialId });
      const bearer = await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: `Bearer ${issued.accessToken}` });
      expect(bearer.json).toEqual({ merchantId: merchantB, credentialId: keyB.credentialId });
    });

    it("refuses a bare unknown, expired or refresh token as an invalid token", async () => {
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: "at_unknown" }), 401, INVALID_TOKEN);
      const expired = await token(keyA, { ttlSeconds: 1 }, new Date(Date.now() - 60_000));
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: expired.accessToken }), 401, INVALID_TOKEN);
      const withRefresh = await token(keyA, { withRefreshToken: true });
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: withRefresh.refreshToken! }), 401, INVALID_TOKEN);
    });

    it("asks for a token when there is none, or the header has several words", async () => {
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare"), 401, BEARER_REQUIRED);
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: "Bearer at_one at_two" }), 401, BEARER_REQUIRED);
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: basic("pk_test_a", "sk_test_b") }), 401, BEARER_REQUIRED);
    });

    it("does not take the lone word Bearer for a bare token: it asks for one", async () => {
      // `Bearer` with nothing after it (Headers trims `Bearer ` to that) is a missing token.
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: "Bearer" }), 401, BEARER_REQUIRED);
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: "Bearer " }), 401, BEARER_REQUIRED);
    });

    it("answers 403 for a bare token of a key without the scope", async () => {
      const key = await createApiKey(merchantA, "SANDBOX", ["e-commerce"]);
      const issued = await token(key);
      expectRefused(await send(bareBearerRoute, "/test/bearer-or-bare", { authorization: issued.accessToken }), 403, MISSING_SCOPE);
    });
  });
});

describe("failed authentication and the client IP's rate limit", () => {
  const LIMITED = "Rate limit exceeded: 2 requests per 3600 seconds";

  it("counts failed logins of every operation against the IP: the third is a 429 with Retry-After", async () => {
    process.env.RATE_LIMIT_PER_IP = "2";
    // A long window, so that the attempts cannot straddle two windows.
    process.env.RATE_LIMIT_WINDOW_SECONDS = "3600";
    const ip = testIp();

    const first = await send(apiKeyRoute, "/test/api-key", { "x-api-key": `${keyA.keyId}.sk_test_wrong` }, ip);
    expectRefused(first, 401, INVALID_KEY);
    expect(first.headers.get("retry-after")).toBeNull();
    const second = await send(basicRoute, "/test/basic", { authorization: "Basic !!" }, ip);
    expectRefused(second, 401, BASIC_REQUIRED);
    expect(second.headers.get("retry-after")).toBeNull();

    const third = await send(pairRoute, "/test/pair", { "user-id": keyA.keyId, "user-api-key": "sk_test_wrong" }, ip);
    expectRefused(third, 429, LIMITED);
    const retryAfter = Number(third.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // Even good-looking but wrong credentials stay refused from that IP.
    expectRefused(await send(bearerRoute, "/test/bearer", { authorization: "Bearer at_unknown" }, ip), 429, LIMITED);
    // Another IP is not affected.
    expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": `${keyA.keyId}.sk_test_wrong` }), 401, INVALID_KEY);
  });

  it("still lets a good key through from an IP whose failed logins are over the limit (successes count per key)", async () => {
    process.env.RATE_LIMIT_PER_IP = "2";
    process.env.RATE_LIMIT_WINDOW_SECONDS = "3600";
    const ip = testIp();
    for (let i = 0; i < 2; i++) expectRefused(await send(apiKeyRoute, "/test/api-key", {}, ip), 401, "Missing x-api-key header");
    expectRefused(await send(apiKeyRoute, "/test/api-key", {}, ip), 429, LIMITED);

    const good = await send(apiKeyRoute, "/test/api-key", { "x-api-key": keyA.apiKey }, ip);
    expect(good.status).toBe(200);
    expect(good.json).toEqual({ merchantId: merchantA, credentialId: keyA.credentialId });
    expect(good.headers.get("retry-after")).toBeNull();
    const goodBasic = await send(basicRoute, "/test/basic", { authorization: basic(keyB.keyId, keyB.secret) }, ip);
    expect(goodBasic.json).toEqual({ merchantId: merchantB, credentialId: keyB.credentialId });

    // And the next failure from that IP is still refused.
    expectRefused(await send(apiKeyRoute, "/test/api-key", {}, ip), 429, LIMITED);
  });

  it("does not count a missing scope against the IP: it is an authenticated request, counted per key", async () => {
    process.env.RATE_LIMIT_PER_IP = "2";
    process.env.RATE_LIMIT_WINDOW_SECONDS = "3600";
    const ip = testIp();
    const key = await createApiKey(merchantA, "SANDBOX", ["e-commerce"]);
    for (let i = 0; i < 4; i++) expectRefused(await send(apiKeyRoute, "/test/api-key", { "x-api-key": key.apiKey }, ip), 403, MISSING_SCOPE);
  });
});
