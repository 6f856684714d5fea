/**
 * The Sylius contract over its route handlers: the token endpoint (grants, bodies, errors),
 * every endpoint and parameter, every authentication failure, every documented field with its
 * type and the exact key sets, pagination links, sorting, tenant isolation, and that every
 * `_links` href answers 200 with the same token.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { GET as tokenGetRoute, POST as tokenRoute } from "@/app/api/oauth/v2/token/route";
import { GET as channelRoute } from "@/app/api/v1/channels/[code]/route";
import { GET as orderRoute } from "@/app/api/v1/orders/[id]/route";
import { GET as methodRoute } from "@/app/api/v1/payment-methods/[code]/route";
import { GET as paymentRoute } from "@/app/api/v1/payments/[id]/route";
import { GET as listRoute } from "@/app/api/v1/payments/route";
import { answerUnserved } from "@/lib/contracts/kit/fallback";
import { openApiDocument } from "@/lib/contracts/openapi";
import { hashSecret } from "@/lib/crypto/api-keys";
import { CONTRACTS } from "@/lib/contracts/registry";
import { getDb } from "@/lib/db/client";
import type { Provider } from "@/lib/domain/links/enums";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { issueAccessToken } from "@/lib/services/access-tokens/issue-access-token";
import { signUp } from "@/lib/services/accounts/sign-up";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createTestLink } from "@/lib/testing/factories";
import { call, createApiKey, testIp, type CallResult } from "@/lib/testing/http";
import {
  channelSchema,
  oauthErrorSchema,
  orderSchema,
  paymentCollectionSchema,
  paymentMethodSchema,
  paymentSchema,
  tokenResponse,
} from "./schemas";

const PASSWORD = "sylius-password-1";

interface Account {
  scope: MerchantScope;
  email: string;
  keyId: string;
  secret: string;
  credentialId: string;
  token: string;
}

/** A merchant with a dashboard login, a key with the "payments" scope and an access token of it. */
async function account(name = "Sylius shop"): Promise<Account> {
  const email = `sylius.${randomUUID()}@example.cm`;
  const user = await signUp({ businessName: name, email, password: PASSWORD });
  const key = await createApiKey(user.merchantId, "SANDBOX", ["payments"]);
  const issued = await issueAccessToken({ grant: "client_credentials", clientId: key.keyId, clientSecret: key.secret, ttlSeconds: 3600 });
  return { scope: { merchantId: user.merchantId, actor: `user:${user.userId}` }, email, ...key, token: issued.accessToken };
}

let shop: Account;
let other: Account;

beforeAll(async () => {
  [shop, other] = await Promise.all([account("Boutique Akwa"), account("Boulangerie Mboa")]);
});

afterEach(() => {
  delete process.env.RATE_LIMIT_PER_IP;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let nextNumber = 1000001;
async function pay(link: PaymentLink, outcome: "PENDING" | "SUCCESSFUL" | "FAILED", { provider = "MTN_CAM" as Provider, reason = "INSUFFICIENT_FUNDS" } = {}) {
  // Each payment from a number of its own: a number with a pending payment on the link gets it back.
  const { payment } = await redeemLink({ slug: link.slug, provider, phoneNumber: `${provider === "MTN_CAM" ? "67" : "69"}${nextNumber++}` });
  if (outcome !== "PENDING") await settlePayment({ paymentId: payment.id, outcome, failureReason: reason, actor: "provider:test" });
  return payment;
}

const linkNumber = async (id: string) => (await getDb().paymentLink.findUniqueOrThrow({ where: { id }, select: { number: true } })).number;

const getPayment = (id: number | string, token = shop.token) =>
  call(paymentRoute, { path: `/api/v1/payments/${id}`, headers: bearer(token), params: { id: String(id) } });
const list = (query = "", token = shop.token, path = "/api/v1/payments/") => call(listRoute, { path: `${path}${query}`, headers: bearer(token) });

/** Follows a `_links` href to the route that serves it, with the same token. */
async function follow(href: string, token = shop.token): Promise<CallResult> {
  const url = new URL(href, "http://paylinks.test");
  const path = url.pathname + url.search;
  const headers = bearer(token);
  let match: RegExpExecArray | null;
  if ((match = /^\/api\/v1\/payments\/(\d+)$/.exec(url.pathname))) return call(paymentRoute, { path, headers, params: { id: match[1]! } });
  if (/^\/api\/v1\/payments\/?$/.test(url.pathname)) return call(listRoute, { path, headers });
  if ((match = /^\/api\/v1\/payment-methods\/([^/]+)$/.exec(url.pathname))) return call(methodRoute, { path, headers, params: { code: match[1]! } });
  if ((match = /^\/api\/v1\/orders\/(\d+)$/.exec(url.pathname))) return call(orderRoute, { path, headers, params: { id: match[1]! } });
  if ((match = /^\/api\/v1\/channels\/([^/]+)$/.exec(url.pathname))) return call(channelRoute, { path, headers, params: { code: match[1]! } });
  throw new Error(`No route serves ${href}`);
}

function keys(value: unknown): string[] {
  return Object.keys(value as object).sort();
}

function expectValid<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data as z.output<T>;
}

const SYLIUS_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/;
const CHANNEL_KEYS = ["_links", "code", "color", "createdAt", "enabled", "hostname", "id", "name", "taxCalculationStrategy", "updatedAt"];
const METHOD_SUMMARY_KEYS = ["_links", "code", "id", "position", "translations"];
const METHOD_KEYS = [...METHOD_SUMMARY_KEYS, "channels", "createdAt", "enabled", "updatedAt"];
const PAYMENT_KEYS = ["_links", "amount", "id", "method", "state"];
const PAYMENT_LINK_KEYS = ["order", "payment-method", "self"];

function expectChannel(channel: unknown) {
  expect(keys(channel)).toEqual(CHANNEL_KEYS.sort());
  expect(channel).toEqual({
    id: 1,
    code: "PAYLINKS_WEB",
    name: "Paylinks",
    hostname: "paylinks.test",
    color: expect.any(String),
    createdAt: expect.stringMatching(SYLIUS_DATE),
    updatedAt: expect.stringMatching(SYLIUS_DATE),
    enabled: true,
    taxCalculationStrategy: "order_items_based",
    _links: { self: { href: "/api/v1/channels/PAYLINKS_WEB" } },
  });
}

function expectOAuthError(result: CallResult, status: number, error: string, description?: string | RegExp) {
  expect(result.status).toBe(status);
  expectValid(oauthErrorSchema, result.json);
  expect(keys(result.json)).toEqual(["error", "error_description"]);
  expect(result.json.error).toBe(error);
  if (typeof description === "string") expect(result.json.error_description).toBe(description);
  else if (description) expect(result.json.error_description).toMatch(description);
}

const ACCESS_DENIED = { error: "access_denied", error_description: "OAuth2 authentication required" };

// ---- the token endpoint ----------------------------------------------------------------------

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const postToken = (body: unknown, headers: Record<string, string> = {}) =>
  call(tokenRoute, { method: "POST", path: "/api/oauth/v2/token", headers, body });
const getToken = (params: Record<string, string>, headers: Record<string, string> = {}) =>
  call(tokenGetRoute, { path: `/api/oauth/v2/token?${new URLSearchParams(params)}`, headers });

function expectToken(result: CallResult) {
  expect(result.status).toBe(200);
  expect(result.headers.get("content-type")).toContain("application/json");
  expect(keys(result.json)).toEqual(["access_token", "expires_in", "refresh_token", "scope", "token_type"]);
  const token = expectValid(tokenResponse, result.json);
  expect(token).toMatchObject({ expires_in: 3600, token_type: "bearer", scope: null });
  expect(token.access_token).toMatch(/^at_/);
  expect(token.refresh_token).toMatch(/^rt_/);
  return token;
}

describe("POST /api/oauth/v2/token", () => {
  const passwordGrant = () => ({ grant_type: "password", client_id: shop.keyId, client_secret: shop.secret, username: shop.email, password: PASSWORD });

  it("grants password with a form body (curl -d), and the token reads the merchant's payments", async () => {
    const token = expectToken(await postToken(form(passwordGrant()), FORM));
    expect((await list("", token.access_token)).status).toBe(200);
    const stored = await getDb().accessToken.findFirstOrThrow({ where: { credentialId: shop.credentialId, kind: "ACCESS", userId: { not: null } } });
    expect(stored.scopes).toEqual(["payments"]);
  });

  it("grants password with a JSON body, the username in any case, ignoring scope and unknown parameters", async () => {
    const token = expectToken(await postToken({ ...passwordGrant(), username: shop.email.toUpperCase(), scope: "read write", redirect_uri: "https://shop.example" }));
    expect((await list("", token.access_token)).status).toBe(200);
  });

  it("grants password with the parameters in the query string of a GET, as Sylius v1 documents", async () => {
    const token = expectToken(await getToken(passwordGrant()));
    expect((await list("", token.access_token)).status).toBe(200);
  });

  it("grants client_credentials (form, JSON and GET), each with a refresh token", async () => {
    const fields = { grant_type: "client_credentials", client_id: shop.keyId, client_secret: shop.secret };
    for (const result of [await postToken(form(fields), FORM), await postToken(fields), await getToken(fields)]) {
      const token = expectToken(result);
      expect((await getPayment(999_999_999, token.access_token)).status).toBe(404);
    }
  });

  it("takes the client's id and secret from HTTP Basic too (RFC 6749 §2.3.1)", async () => {
    const basic = `Basic ${Buffer.from(`${shop.keyId}:${shop.secret}`).toString("base64")}`;
    expectToken(await postToken(form({ grant_type: "client_credentials" }), { ...FORM, authorization: basic }));
    expectToken(await postToken(form({ grant_type: "password", username: shop.email, password: PASSWORD }), { ...FORM, authorization: basic }));
  });

  it("rotates refresh tokens: a new pair, the old refresh token refused afterwards", async () => {
    const first = expectToken(await postToken(form(passwordGrant()), FORM));
    const second = expectToken(await postToken(form({ grant_type: "refresh_token", refresh_token: first.refresh_token }), FORM));
    expect(second.access_token).not.toBe(first.access_token);
    expect((await list("", second.access_token)).status).toBe(200);
    expectOAuthError(await postToken({ grant_type: "refresh_token", refresh_token: first.refresh_token }), 400, "invalid_grant", "Invalid refresh token");
    // With the client's credentials too; another client's refresh token is refused.
    const third = expectToken(await getToken({ grant_type: "refresh_token", refresh_token: second.refresh_token, client_id: shop.keyId, client_secret: shop.secret }));
    expectOAuthError(
      await postToken({ grant_type: "refresh_token", refresh_token: third.refresh_token, client_id: other.keyId, client_secret: other.secret }),
      400,
      "invalid_grant",
    );
  });

  it.each([
    ["no body at all", "", FORM, "Missing required parameter: grant_type"],
    ["an empty form", "client_id=x", FORM, "Missing required parameter: grant_type"],
    ["an empty grant_type", { grant_type: "" }, {}, "Missing required parameter: grant_type"],
    ["password without username and password", { grant_type: "password", client_id: "pk", client_secret: "sk" }, {}, "Missing required parameters for grant_type=password: username, password"],
    ["password without anything", form({ grant_type: "password" }), FORM, "Missing required parameters for grant_type=password: client_id, client_secret, username, password"],
    ["client_credentials without a secret", { grant_type: "client_credentials", client_id: "pk" }, {}, "Missing required parameter for grant_type=client_credentials: client_secret"],
    ["refresh_token without one", { grant_type: "refresh_token" }, {}, "Missing required parameter for grant_type=refresh_token: refresh_token"],
    ["a number for client_id", { grant_type: "client_credentials", client_id: 5, client_secret: "x" }, {}, "client_id must be a string"],
    ["malformed JSON", '{"grant_type": "password"', { "content-type": "application/json" }, /^Malformed JSON body/],
    ["a JSON array", "[1]", { "content-type": "application/json" }, /not an array/],
  ])("answers 400 invalid_request for %s, naming what is missing", async (_name, body, headers, description) => {
    expectOAuthError(await postToken(body, headers), 400, "invalid_request", description);
  });

  it("answers 400 unsupported_grant_type for a grant it does not serve", async () => {
    expectOAuthError(await postToken({ grant_type: "authorization_code", code: "x" }), 400, "unsupported_grant_type", /^Unsupported grant_type "authorization_code"/);
    expectOAuthError(await getToken({ grant_type: "implicit" }), 400, "unsupported_grant_type");
  });

  it("answers 401 invalid_client for an unknown client, a wrong secret or a revoked key", async () => {
    const revoked = await createApiKey(shop.scope.merchantId, "SANDBOX", ["payments"]);
    await revokeCredential(shop.scope, revoked.credentialId);
    const cases: Record<string, string>[] = [
      { grant_type: "client_credentials", client_id: "pk_test_nobody", client_secret: shop.secret },
      { grant_type: "client_credentials", client_id: shop.keyId, client_secret: `${shop.secret}x` },
      { grant_type: "password", client_id: shop.keyId, client_secret: "nope", username: shop.email, password: PASSWORD },
      { grant_type: "client_credentials", client_id: revoked.keyId, client_secret: revoked.secret },
    ];
    for (const fields of cases) expectOAuthError(await postToken(form(fields), FORM), 401, "invalid_client", "Invalid client credentials");
    expectOAuthError(await getToken(cases[0]!), 401, "invalid_client");
  });

  it("answers 400 invalid_grant for a wrong password, an unknown login or another merchant's login", async () => {
    const cases = [
      [shop.email, `${PASSWORD}!`],
      [`nobody.${randomUUID()}@example.cm`, PASSWORD],
      [other.email, PASSWORD],
    ];
    for (const [username, password] of cases) {
      const fields = { grant_type: "password", client_id: shop.keyId, client_secret: shop.secret, username: username!, password: password! };
      expectOAuthError(await postToken(form(fields), FORM), 400, "invalid_grant", "Invalid username and password combination");
    }
  });

  it("counts requests per client address and answers 429 past the limit", async () => {
    process.env.RATE_LIMIT_PER_IP = "2";
    const headers = { ...FORM, "x-forwarded-for": testIp() };
    const fields = form({ grant_type: "client_credentials", client_id: shop.keyId, client_secret: shop.secret });
    expect((await postToken(fields, headers)).status).toBe(200);
    expect((await postToken(fields, headers)).status).toBe(200);
    const limited = await postToken(fields, headers);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(keys(limited.json)).toEqual(["error", "error_description"]);
  });
});

// ---- authentication of the API ---------------------------------------------------------------

describe("authentication", () => {
  const endpoints = (token?: string) => {
    const headers: Record<string, string> = token === undefined ? {} : { authorization: token };
    return [
      call(paymentRoute, { path: "/api/v1/payments/1", headers, params: { id: "1" } }),
      call(listRoute, { path: "/api/v1/payments/", headers }),
      call(listRoute, { path: "/api/v1/payments", headers }),
      call(methodRoute, { path: "/api/v1/payment-methods/mtn_momo", headers, params: { code: "mtn_momo" } }),
      call(orderRoute, { path: "/api/v1/orders/1", headers, params: { id: "1" } }),
      call(channelRoute, { path: "/api/v1/channels/PAYLINKS_WEB", headers, params: { code: "PAYLINKS_WEB" } }),
    ];
  };

  async function expectDenied(token: string | undefined) {
    for (const result of await Promise.all(endpoints(token))) {
      expect(result.status).toBe(401);
      expect(result.json).toEqual(ACCESS_DENIED);
    }
  }

  it("answers 401 access_denied without a token", () => expectDenied(undefined));

  it.each([
    ["the scheme alone", "Bearer"],
    ["two tokens", "Bearer at_one at_two"],
    ["the bare token", "at_something"],
    ["HTTP Basic", `Basic ${Buffer.from("a:b").toString("base64")}`],
    ["an API key", "pk_test_demo.sk_test_demo"],
  ])("answers 401 access_denied for a malformed Authorization header: %s", (_name, value) => expectDenied(value));

  it("answers 401 access_denied for an unknown token, a refresh token and an API key sent as a bearer token", async () => {
    await expectDenied("Bearer at_unknown");
    const issued = await issueAccessToken({ grant: "client_credentials", clientId: shop.keyId, clientSecret: shop.secret, ttlSeconds: 3600, withRefreshToken: true });
    await expectDenied(`Bearer ${issued.refreshToken}`);
    await expectDenied(`Bearer ${shop.keyId}.${shop.secret}`);
  });

  it("answers 401 access_denied for an expired token", async () => {
    const issued = await issueAccessToken({ grant: "client_credentials", clientId: shop.keyId, clientSecret: shop.secret, ttlSeconds: 3600 });
    expect((await list("", issued.accessToken)).status).toBe(200);
    await getDb().accessToken.update({ where: { tokenHash: hashSecret(issued.accessToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectDenied(`Bearer ${issued.accessToken}`);
  });

  it("answers 401 access_denied once the key is revoked, for every token issued to it", async () => {
    const key = await createApiKey(shop.scope.merchantId, "SANDBOX", ["payments"]);
    const issued = await issueAccessToken({ grant: "client_credentials", clientId: key.keyId, clientSecret: key.secret, ttlSeconds: 3600 });
    expect((await list("", issued.accessToken)).status).toBe(200);
    await revokeCredential(shop.scope, key.credentialId);
    await expectDenied(`Bearer ${issued.accessToken}`);
  });

  it('answers 403 {code, message} for a key without the "payments" scope', async () => {
    const key = await createApiKey(shop.scope.merchantId, "SANDBOX", ["payment_links", "e-commerce"]);
    const issued = await issueAccessToken({ grant: "client_credentials", clientId: key.keyId, clientSecret: key.secret, ttlSeconds: 3600 });
    for (const result of await Promise.all(endpoints(`Bearer ${issued.accessToken}`))) {
      expect(result.status).toBe(403);
      expect(keys(result.json)).toEqual(["code", "message"]);
      expect(result.json).toEqual({ code: 403, message: 'This API key lacks the "payments" scope; create a key with it in the dashboard' });
    }
  });

  it("takes the scheme in any case", async () => {
    expect((await list("", "x")).status).toBe(401);
    const lower = await call(listRoute, { path: "/api/v1/payments/", headers: { authorization: `bearer ${shop.token}` } });
    expect(lower.status).toBe(200);
  });
});

// ---- a single payment ------------------------------------------------------------------------

describe("GET /api/v1/payments/{id}", () => {
  it("answers the documented payment, with the method as Sylius 1.x servers send it", async () => {
    const link = await createTestLink(shop.scope, { amountMinor: 4507, description: "Panier" });
    const payment = await pay(link, "PENDING");
    const result = await getPayment(payment.number);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("application/json");
    const body = expectValid(paymentSchema, result.json);
    expect(keys(body)).toEqual(PAYMENT_KEYS.sort());
    expect(keys(result.json)).toEqual(PAYMENT_KEYS.sort());
    expect(result.json.id).toBe(payment.number);
    expect(Number.isInteger(result.json.id)).toBe(true);
    expect(result.json.amount).toBe(4507);
    expect(result.json.state).toBe("new");

    const method = result.json.method;
    expect(keys(method)).toEqual(METHOD_KEYS.sort());
    expect(method).toMatchObject({ id: 1, code: "mtn_momo", position: 0, enabled: true, _links: { self: { href: "/api/v1/payment-methods/mtn_momo" } } });
    expect(method.createdAt).toMatch(SYLIUS_DATE);
    expect(method.updatedAt).toMatch(SYLIUS_DATE);
    expect(method.translations).toEqual({ en_US: { locale: "en_US", id: 1, name: "MTN Mobile Money", description: expect.any(String) } });
    expect(method.channels).toHaveLength(1);
    expectChannel(method.channels[0]);

    expect(keys(result.json._links)).toEqual(PAYMENT_LINK_KEYS);
    expect(result.json._links).toEqual({
      self: { href: `/api/v1/payments/${payment.number}` },
      "payment-method": { href: "/api/v1/payment-methods/mtn_momo" },
      order: { href: `/api/v1/orders/${await linkNumber(link.id)}` },
    });
  });

  it("maps every payment status to a Sylius state, through the one table", async () => {
    const link = await createTestLink(shop.scope, { amountMinor: 100, maxUses: 10 });
    const sent = await pay(link, "PENDING");
    await getDb().payment.update({ where: { id: sent.id }, data: { providerReference: "mtn-ref-1" } });
    const cases: [number, string][] = [
      [(await pay(link, "PENDING")).number, "new"],
      [sent.number, "processing"],
      [(await pay(link, "SUCCESSFUL")).number, "completed"],
      [(await pay(link, "FAILED", { reason: "PAYER_REJECTED" })).number, "cancelled"],
      [(await pay(link, "FAILED", { reason: "INSUFFICIENT_FUNDS" })).number, "failed"],
      [(await pay(link, "FAILED", { reason: "TIMEOUT" })).number, "failed"],
      [(await pay(link, "FAILED", { reason: "PROVIDER_ERROR" })).number, "failed"],
    ];
    for (const [number, state] of cases) expect((await getPayment(number)).json.state, `payment ${number}`).toBe(state);
  });

  it("names Orange Money payments orange_money", async () => {
    const payment = await pay(await createTestLink(shop.scope), "SUCCESSFUL", { provider: "ORANGE_CAM" });
    const { json } = await getPayment(payment.number);
    expect(json.method).toMatchObject({ id: 2, code: "orange_money", position: 1, translations: { en_US: { name: "Orange Money" } } });
    expect(json._links["payment-method"]).toEqual({ href: "/api/v1/payment-methods/orange_money" });
  });

  it("keeps amounts in minor units of the link's currency", async () => {
    const payment = await pay(await createTestLink(shop.scope, { amountMinor: 1050, currency: "EUR" }), "PENDING");
    expect((await getPayment(payment.number)).json.amount).toBe(1050);
  });

  it("answers 404 {code, message} for another merchant's payment, an unknown id and ids that are not positive integers", async () => {
    const theirs = await pay(await createTestLink(other.scope), "SUCCESSFUL");
    expect((await getPayment(theirs.number, other.token)).status).toBe(200);
    for (const id of [String(theirs.number), "999999999", "0", "abc", "1.5", "-3", "99999999999", "2147483648", "1e3"]) {
      const result = await getPayment(id);
      expect(result.status, id).toBe(404);
      expect(result.json).toEqual({ code: 404, message: "Payment not found" });
    }
  });

  it("has every _links href (and the channel's) answer 200 with the same token", async () => {
    const link = await createTestLink(shop.scope);
    const payment = await pay(link, "SUCCESSFUL");
    const { json } = await getPayment(payment.number);
    const hrefs = [...Object.values(json._links as Record<string, { href: string }>).map((l) => l.href), json.method._links.self.href, json.method.channels[0]._links.self.href];
    for (const href of hrefs) {
      const followed = await follow(href);
      expect(followed.status, href).toBe(200);
    }
    expect((await follow(json._links.self.href)).json).toEqual(json);
    // The same hrefs refuse another merchant's token.
    expect((await follow(json._links.self.href, other.token)).status).toBe(404);
    expect((await follow(json._links.order.href, other.token)).status).toBe(404);
  });
});

// ---- the collection --------------------------------------------------------------------------

describe("GET /api/v1/payments/", () => {
  let listing: Account;
  /** Payment numbers in creation order, with amounts and update times chosen to sort apart. */
  let made: { number: number; amount: number; createdAt: Date; updatedAt: Date }[];

  beforeAll(async () => {
    listing = await account("Collection shop");
    const amounts = [300, 100, 500, 200, 400, 700, 600, 900, 800, 1000, 1100, 1200];
    made = [];
    const base = Date.UTC(2026, 0, 1);
    for (const [index, amount] of amounts.entries()) {
      const link = await createTestLink(listing.scope, { amountMinor: amount });
      const payment = await pay(link, index % 3 === 0 ? "SUCCESSFUL" : "PENDING");
      const createdAt = new Date(base + index * 60_000);
      // Updated in the reverse order of creation.
      const updatedAt = new Date(base + (amounts.length - index) * 3_600_000);
      await getDb().payment.update({ where: { id: payment.id }, data: { createdAt, updatedAt } });
      made.push({ number: payment.number, amount, createdAt, updatedAt });
    }
    // The neighbour's payments never show.
    await pay(await createTestLink(other.scope), "SUCCESSFUL");
  });

  const numbers = (result: CallResult) => (result.json._embedded.items as { id: number }[]).map((item) => item.id);
  const by = <K extends "amount" | "createdAt" | "updatedAt">(key: K, dir: 1 | -1) =>
    [...made].sort((a, b) => (Number(a[key]) - Number(b[key])) * dir || a.number - b.number).map((p) => p.number);

  it("answers the first page of 10, oldest first, in the documented shape", async () => {
    const result = await list("", listing.token);
    expect(result.status).toBe(200);
    const body = expectValid(paymentCollectionSchema, result.json);
    expect(keys(result.json)).toEqual(["_embedded", "_links", "limit", "page", "pages", "total"]);
    expect(body).toMatchObject({ page: 1, limit: 10, pages: 2, total: 12 });
    expect(keys(result.json._links)).toEqual(["first", "last", "next", "self"]);
    expect(result.json._links).toEqual({
      self: { href: "/api/v1/payments/?page=1&limit=10" },
      first: { href: "/api/v1/payments/?page=1&limit=10" },
      last: { href: "/api/v1/payments/?page=2&limit=10" },
      next: { href: "/api/v1/payments/?page=2&limit=10" },
    });
    expect(keys(result.json._embedded)).toEqual(["items"]);
    expect(numbers(result)).toEqual(made.slice(0, 10).map((p) => p.number));
    for (const item of result.json._embedded.items) {
      expect(keys(item)).toEqual(PAYMENT_KEYS.sort());
      expect(keys(item.method)).toEqual(METHOD_SUMMARY_KEYS.sort());
      expect(item.method).toEqual({
        id: 1,
        code: "mtn_momo",
        position: 0,
        translations: { en_US: { locale: "en_US", id: 1, name: "MTN Mobile Money", description: expect.any(String) } },
        _links: { self: { href: "/api/v1/payment-methods/mtn_momo" } },
      });
      expect(keys(item._links)).toEqual(PAYMENT_LINK_KEYS);
    }
    const first = result.json._embedded.items[0];
    expect(first).toMatchObject({ id: made[0]!.number, amount: 300, state: "completed" });
    expect(result.json._embedded.items[1]).toMatchObject({ amount: 100, state: "new" });
  });

  it("answers /api/v1/payments (no trailing slash) the same", async () => {
    const withSlash = await list("?limit=3", listing.token);
    const without = await list("?limit=3", listing.token, "/api/v1/payments");
    expect(without.status).toBe(200);
    expect(without.json).toEqual(withSlash.json);
  });

  it("pages with page and limit, with next and previous links", async () => {
    const second = await list("?page=2&limit=5", listing.token);
    expect(second.json).toMatchObject({ page: 2, limit: 5, pages: 3, total: 12 });
    expect(second.json._links).toEqual({
      self: { href: "/api/v1/payments/?page=2&limit=5" },
      first: { href: "/api/v1/payments/?page=1&limit=5" },
      last: { href: "/api/v1/payments/?page=3&limit=5" },
      next: { href: "/api/v1/payments/?page=3&limit=5" },
      previous: { href: "/api/v1/payments/?page=1&limit=5" },
    });
    expect(numbers(second)).toEqual(made.slice(5, 10).map((p) => p.number));
    const last = await list("?page=3&limit=5", listing.token);
    expect(keys(last.json._links)).toEqual(["first", "last", "previous", "self"]);
    expect(numbers(last)).toEqual(made.slice(10).map((p) => p.number));
    const beyond = await list("?page=4&limit=5", listing.token);
    expect(beyond.status).toBe(200);
    expect(beyond.json).toMatchObject({ page: 4, pages: 3, total: 12, _embedded: { items: [] } });
    expect(beyond.json._links.previous).toEqual({ href: "/api/v1/payments/?page=3&limit=5" });
    // The document's example: ?limit=2
    const example = await list("?limit=2", listing.token);
    expect(example.json).toMatchObject({ page: 1, limit: 2, pages: 6, total: 12 });
    expect(example.json._links.last).toEqual({ href: "/api/v1/payments/?page=6&limit=2" });
  });

  it("follows next links through every payment, each link answering 200", async () => {
    const seen: number[] = [];
    let href: string | undefined = "/api/v1/payments/?limit=4";
    while (href) {
      const page = await follow(href, listing.token);
      expect(page.status).toBe(200);
      seen.push(...numbers(page));
      for (const link of Object.values(page.json._links as Record<string, { href: string }>)) expect((await follow(link.href, listing.token)).status).toBe(200);
      href = page.json._links.next?.href;
    }
    expect(seen).toEqual(made.map((p) => p.number));
  });

  it("lists only the merchant's own payments", async () => {
    const result = await list("?limit=100", listing.token);
    expect(result.json.total).toBe(12);
    expect(numbers(result).sort()).toEqual(made.map((p) => p.number).sort());
    const theirs = await list("?limit=100", other.token);
    expect(numbers(theirs).some((n) => made.some((p) => p.number === n))).toBe(false);
  });

  it.each([
    ["sorting[amount]=ASC", "amount", 1],
    ["sorting[amount]=DESC", "amount", -1],
    ["sorting[amount]=desc", "amount", -1],
    ["sorting[createdAt]=ASC", "createdAt", 1],
    ["sorting[createdAt]=DESC", "createdAt", -1],
    ["sorting[updatedAt]=ASC", "updatedAt", 1],
    ["sorting[updatedAt]=DESC", "updatedAt", -1],
    ["sorting%5Bamount%5D=DESC", "amount", -1],
  ] as const)("sorts with %s", async (query, key, dir) => {
    const result = await list(`?limit=100&${query}`, listing.token);
    expect(result.status).toBe(200);
    expect(numbers(result)).toEqual(by(key, dir));
  });

  it("keeps the sorting in the pagination links, and applies several sortings in the order given", async () => {
    const result = await list("?limit=5&sorting[amount]=desc", listing.token);
    expect(result.json._links.next).toEqual({ href: "/api/v1/payments/?page=2&limit=5&sorting%5Bamount%5D=DESC" });
    expect(numbers(await follow(result.json._links.next.href, listing.token))).toEqual(by("amount", -1).slice(5, 10));

    // Two payments of the same amount: the second sorting decides between them.
    const link = await createTestLink(listing.scope, { amountMinor: 5000, maxUses: 2 });
    const older = await pay(link, "PENDING");
    const newer = await pay(link, "PENDING");
    await getDb().payment.update({ where: { id: older.id }, data: { createdAt: new Date(Date.UTC(2025, 0, 1)) } });
    const desc = await list("?limit=2&sorting[amount]=DESC&sorting[createdAt]=DESC", listing.token);
    expect(numbers(desc)).toEqual([newer.number, older.number]);
    expect(desc.json._links.self.href).toBe("/api/v1/payments/?page=1&limit=2&sorting%5Bamount%5D=DESC&sorting%5BcreatedAt%5D=DESC");
    const asc = await list("?limit=2&sorting[amount]=DESC&sorting[createdAt]=ASC", listing.token);
    expect(numbers(asc)).toEqual([older.number, newer.number]);
    // createdAt first: the oldest payment of all is this older one.
    const createdFirst = await list("?limit=1&sorting[createdAt]=ASC&sorting[amount]=DESC", listing.token);
    expect(numbers(createdFirst)).toEqual([older.number]);
    await getDb().payment.deleteMany({ where: { id: { in: [older.id, newer.id] } } });
  });

  it("ignores parameters it does not know", async () => {
    const result = await list("?limit=2&criteria[state]=new&_format=json", listing.token);
    expect(result.status).toBe(200);
    expect(result.json.limit).toBe(2);
  });

  it.each([
    ["page=0", "page must be an integer between 1 and 1000000"],
    ["page=-1", "page must be an integer between 1 and 1000000"],
    ["page=abc", "page must be an integer between 1 and 1000000"],
    ["page=1.5", "page must be an integer between 1 and 1000000"],
    ["page=", "page must be an integer between 1 and 1000000"],
    ["page=1000001", "page must be an integer between 1 and 1000000"],
    ["page=99999999999999999999999", "page must be an integer between 1 and 1000000"],
    ["limit=0", "limit must be an integer between 1 and 100"],
    ["limit=101", "limit must be an integer between 1 and 100"],
    ["limit=ten", "limit must be an integer between 1 and 100"],
    ["sorting[amount]=UP", "sorting[amount] must be ASC or DESC"],
    ["sorting[createdAt]=", "sorting[createdAt] must be ASC or DESC"],
    ["sorting[updatedAt][x]=ASC", "sorting[updatedAt] must be ASC or DESC"],
    ["sorting[state]=ASC", "sorting[state] is not supported: sort by amount, createdAt, updatedAt"],
    ["sorting=ASC", "sorting must be sent as sorting[<field>]=ASC or DESC, e.g. sorting[createdAt]=DESC"],
  ])("answers 400 {code, message} for %s", async (query, message) => {
    const result = await list(`?${query}`, listing.token);
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ code: 400, message });
  });
});

// ---- payment methods, the order view, the channel --------------------------------------------

describe("GET /api/v1/payment-methods/{code}", () => {
  it.each([
    ["mtn_momo", 1, 0, "MTN Mobile Money"],
    ["orange_money", 2, 1, "Orange Money"],
  ])("answers %s in full", async (code, id, position, name) => {
    const result = await call(methodRoute, { path: `/api/v1/payment-methods/${code}`, headers: bearer(shop.token), params: { code } });
    expect(result.status).toBe(200);
    expectValid(paymentMethodSchema, result.json);
    expect(keys(result.json)).toEqual(METHOD_KEYS.sort());
    expect(result.json).toMatchObject({ id, code, position, enabled: true, translations: { en_US: { locale: "en_US", id, name } }, _links: { self: { href: `/api/v1/payment-methods/${code}` } } });
    expectChannel(result.json.channels[0]);
  });

  it("answers 404 for any other code", async () => {
    for (const code of ["bank_transfer", "MTN_CAM", "mtn"]) {
      const result = await call(methodRoute, { path: `/api/v1/payment-methods/${code}`, headers: bearer(shop.token), params: { code } });
      expect(result.status).toBe(404);
      expect(result.json).toEqual({ code: 404, message: "Payment method not found" });
    }
  });
});

describe("GET /api/v1/channels/{code}", () => {
  it("answers the one channel, and 404 for any other code", async () => {
    const result = await call(channelRoute, { path: "/api/v1/channels/PAYLINKS_WEB", headers: bearer(shop.token), params: { code: "PAYLINKS_WEB" } });
    expect(result.status).toBe(200);
    expectValid(channelSchema, result.json);
    expectChannel(result.json);
    const other = await call(channelRoute, { path: "/api/v1/channels/US_WEB", headers: bearer(shop.token), params: { code: "US_WEB" } });
    expect(other.status).toBe(404);
    expect(other.json).toEqual({ code: 404, message: "Channel not found" });
  });

  it("takes its hostname from the public base URL", async () => {
    process.env.APP_URL = "https://pay.example.cm";
    try {
      const result = await call(channelRoute, { path: "/api/v1/channels/PAYLINKS_WEB", headers: bearer(shop.token), params: { code: "PAYLINKS_WEB" } });
      expect(result.json.hostname).toBe("pay.example.cm");
    } finally {
      delete process.env.APP_URL;
    }
  });
});

describe("GET /api/v1/orders/{id}", () => {
  const ORDER_KEYS = [
    "_links", "adjustments", "adjustmentsTotal", "channel", "checkoutCompletedAt", "checkoutState", "createdAt", "currencyCode", "id", "items",
    "itemsTotal", "localeCode", "notes", "number", "paymentState", "payments", "state", "tokenValue", "total", "updatedAt",
  ];
  const getOrder = (id: number | string, token = shop.token) => call(orderRoute, { path: `/api/v1/orders/${id}`, headers: bearer(token), params: { id: String(id) } });

  it("answers the payment link as the order of its payments", async () => {
    const link = await createTestLink(shop.scope, { amountMinor: 12500, description: "Robe en pagne", maxUses: 2 });
    const failed = await pay(link, "FAILED");
    const paid = await pay(link, "SUCCESSFUL", { provider: "ORANGE_CAM" });
    const number = await linkNumber(link.id);
    const result = await getOrder(number);
    expect(result.status).toBe(200);
    const order = expectValid(orderSchema, result.json);
    expect(keys(result.json)).toEqual(ORDER_KEYS.sort());
    expect(order).toMatchObject({
      id: number,
      number: String(number).padStart(9, "0"),
      notes: "Robe en pagne",
      itemsTotal: 12500,
      adjustments: [],
      adjustmentsTotal: 0,
      total: 12500,
      state: "new",
      checkoutState: "completed",
      paymentState: "partially_paid",
      currencyCode: "XAF",
      localeCode: "fr_CM",
      tokenValue: link.slug,
      _links: { self: { href: `/api/v1/orders/${number}` } },
    });
    expect(order.items).toEqual([{ id: number, quantity: 1, unitPrice: 12500, total: 12500, adjustments: [], adjustmentsTotal: 0, productName: "Robe en pagne" }]);
    for (const date of [order.checkoutCompletedAt, order.createdAt, order.updatedAt]) expect(date).toMatch(SYLIUS_DATE);
    expectChannel(result.json.channel);
    expect(order.payments.map((p) => [p.id, p.state, p.method.code])).toEqual([
      [failed.number, "failed"],
      [paid.number, "completed"],
    ].map(([id, state], i) => [id, state, i === 0 ? "mtn_momo" : "orange_money"]));
    for (const payment of result.json.payments) expect(keys(payment)).toEqual(PAYMENT_KEYS.sort());
    // The order's payments are the payments that name this order.
    expect((await getPayment(paid.number)).json._links.order.href).toBe(`/api/v1/orders/${number}`);
    expect(result.json.payments[1]).toEqual((await getPayment(paid.number)).json);
  });

  it("derives the states from the link and what was paid in money", async () => {
    const states = async (link: PaymentLink) => {
      const { json } = await getOrder(await linkNumber(link.id));
      return [json.state, json.paymentState];
    };
    const fresh = await createTestLink(shop.scope);
    expect(await states(fresh)).toEqual(["new", "awaiting_payment"]);
    const held = await createTestLink(shop.scope);
    await pay(held, "PENDING"); // stored PAID (every use held), but no money yet
    expect(await states(held)).toEqual(["new", "awaiting_payment"]);
    const paid = await createTestLink(shop.scope);
    await pay(paid, "SUCCESSFUL");
    expect(await states(paid)).toEqual(["fulfilled", "paid"]);
    const cancelled = await createTestLink(shop.scope);
    await cancelLink(shop.scope, cancelled.id);
    expect(await states(cancelled)).toEqual(["cancelled", "cancelled"]);
    const expired = await createTestLink(shop.scope, { maxUses: 3 });
    await pay(expired, "SUCCESSFUL");
    await getDb().paymentLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect(await states(expired)).toEqual(["cancelled", "partially_paid"]);
  });

  it("puts the sales order or invoice number of the link in number and notes, and speaks the link's language", async () => {
    const invoice = await getDb().order.create({
      data: { merchantId: shop.scope.merchantId, kind: "INVOICE", number: 20261125n, totalMinor: 30000n, currency: "XAF" },
    });
    const link = await createTestLink(shop.scope, { amountMinor: 30000, description: "Facture de novembre", language: "en" });
    await getDb().paymentLink.update({ where: { id: link.id }, data: { orderId: invoice.id } });
    const { json } = await getOrder(await linkNumber(link.id));
    expect(json).toMatchObject({ number: "20261125", notes: "Invoice 20261125: Facture de novembre", localeCode: "en_CM", total: 30000 });
  });

  it("answers 404 for another merchant's link, unknown numbers and ids that are not positive integers", async () => {
    const theirs = await createTestLink(other.scope);
    const number = await linkNumber(theirs.id);
    expect((await getOrder(number, other.token)).status).toBe(200);
    for (const id of [String(number), "999999999", "0", "abc", "99999999999"]) {
      const result = await getOrder(id);
      expect(result.status, id).toBe(404);
      expect(result.json).toEqual({ code: 404, message: "Order not found" });
    }
  });
});

// ---- what the router and the document say ----------------------------------------------------

describe("the rest of the contract", () => {
  it("answers methods it does not serve with 405 and Allow, in the {code, message} shape", () => {
    const cases: [string, string, string][] = [
      ["POST", "/api/v1/payments/", "GET"],
      ["DELETE", "/api/v1/payments/12", "GET"],
      ["PUT", "/api/v1/payment-methods/mtn_momo", "GET"],
      ["PATCH", "/api/oauth/v2/token", "POST, GET"],
    ];
    return Promise.all(
      cases.map(async ([method, path, allow]) => {
        const response = answerUnserved(CONTRACTS, new Request(`http://paylinks.test${path}`, { method }))!;
        expect(response.status).toBe(405);
        expect(response.headers.get("allow")).toBe(allow);
        expect(await response.json()).toEqual({ code: 405, message: expect.stringMatching(/^Method [A-Z]+ is not allowed here/) });
      }),
    );
  });

  it("answers an unknown path under /api/v1/ with a 404 in the {code, message} shape", async () => {
    const response = answerUnserved(CONTRACTS, new Request("http://paylinks.test/api/v1/products/1"), { unknownPath: true })!;
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 404, message: "Route not found: GET /api/v1/products/1" });
  });

  it("documents the grants, the client mapping, the state table and the order decision in the OpenAPI document", () => {
    const document = openApiDocument();
    const token = document.paths["/api/oauth/v2/token"]!;
    expect(Object.keys(token).sort()).toEqual(["get", "post"]);
    expect(token.post!.description).toContain("`client_id` is an API key id");
    expect(Object.keys((token.post!.requestBody as { content: object }).content)).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    const payment = document.paths["/api/v1/payments/{id}"]!.get!;
    expect(payment.description).toContain("| PENDING |");
    expect(payment.description).toContain("| SUCCESSFUL | the provider confirmed that the money arrived | `completed` |");
    expect(payment.description).toContain("The order of a payment is its payment link.");
    const collection = document.paths["/api/v1/payments/"]!.get!;
    const params = (collection.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`);
    expect(params).toEqual(["query:page", "query:limit", "query:sorting[amount]", "query:sorting[createdAt]", "query:sorting[updatedAt]"]);
    expect(document.paths["/api/v1/payments"]!.get).toBeDefined();
    for (const path of ["/api/v1/payment-methods/{code}", "/api/v1/orders/{id}", "/api/v1/channels/{code}"]) expect(document.paths[path]!.get).toBeDefined();
  });
});
