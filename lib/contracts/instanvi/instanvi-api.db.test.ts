/**
 * The Instanvi contract over its route handlers: every endpoint, every documented success and
 * error, auth, tenant isolation, malformed input, idempotency and rate limits.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/payment-links/create/route";
import { GET as listRoute } from "@/app/api/payment-links/route";
import { GET as bySlugRoute, PATCH as updateRoute } from "@/app/api/payment-links/[key]/route";
import { POST as cancelRoute } from "@/app/api/payment-links/[key]/cancel/route";
import { GET as byIdRoute } from "@/app/api/payment-links/id/[id]/route";
import { getDb } from "@/lib/db/client";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { call, createApiKey, testIp } from "@/lib/testing/http";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";

let merchantId: string;
let apiKey: string;

beforeAll(async () => {
  merchantId = (await createMerchant("Instanvi test")).merchantId;
  apiKey = (await createApiKey(merchantId)).apiKey;
});

afterEach(() => {
  delete process.env.RATE_LIMIT_PER_CREDENTIAL;
  delete process.env.RATE_LIMIT_PER_IP;
  delete process.env.MAX_BODY_BYTES;
});

const create = (body: unknown, headers: Record<string, string> = {}) =>
  call(createRoute, { method: "POST", path: "/api/payment-links/create", headers: { "x-api-key": apiKey, ...headers }, body });

const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

function expectError(result: { status: number; json: unknown }, status: number, message: string | RegExp) {
  expect(result.status).toBe(status);
  expect(result.json).toMatchObject({ status_code: status, data: {} });
  const actual = (result.json as { message: string }).message;
  if (typeof message === "string") expect(actual).toBe(message);
  else expect(actual).toMatch(message);
}

describe("POST /payment-links/create", () => {
  it("creates a link with the documented fields and defaults", async () => {
    const result = await create({ amount: 10000, description: "Payment for invoice #123", metadata: { invoice_id: "123" } });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status_code: 200, status: "OK", message: "Payment link created successfully" });
    const data = result.json.data;
    expect(Object.keys(data).sort()).toEqual(
      ["amount", "current_uses", "currency", "expires_at", "id", "max_uses", "slug", "status", "url"].sort(),
    );
    expect(data).toMatchObject({ amount: 10000, currency: "XAF", status: "ACTIVE", expires_at: null, max_uses: 1, current_uses: 0 });
    expect(data.url).toBe(`http://paylinks.test/pay/${data.slug}`);
    const stored = await getDb().paymentLink.findUniqueOrThrow({ where: { id: data.id } });
    expect(stored).toMatchObject({ merchantId, amountMinor: 10000n, type: "COLLECTION", mode: "SANDBOX", metadata: { invoice_id: "123" } });
  });

  it("returns expires_at with milliseconds, as documented", async () => {
    const result = await create({ amount: 1, expires_at: "2099-12-31T23:59:59Z" });
    expect(result.json.data.expires_at).toBe("2099-12-31T23:59:59.000Z");
  });

  it("converts major units of other currencies exactly", async () => {
    const result = await create({ amount: 10.5, currency: "eur" });
    expect(result.json.data).toMatchObject({ amount: 10.5, currency: "EUR" });
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: result.json.data.id } })).amountMinor).toBe(1050n);
  });

  it("creates LIVE links with a LIVE key", async () => {
    const live = await createApiKey(merchantId, "LIVE");
    const result = await create({ amount: 500 }, { "x-api-key": live.apiKey });
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: result.json.data.id } })).mode).toBe("LIVE");
  });

  it.each([
    [{}, "amount is required and must be a number"],
    [{ amount: "100" }, "amount is required and must be a number"],
    [{ amount: 0 }, "amount must be >= 1"],
    [{ amount: 0.5, currency: "EUR" }, "amount must be >= 1"],
    [{ amount: 10.005, currency: "EUR" }, "amount 10.005 has more than 2 decimal places, the precision of EUR"],
    [{ amount: 100.5 }, "amount 100.5 has decimals, but XAF has no minor unit"],
    [{ amount: 1e20 }, /too large/],
    [{ amount: 100, currency: "XYZ" }, "currency must be an ISO 4217 currency code, such as XAF or EUR"],
    [{ amount: 100, currency: "EURO" }, "currency must be a 3-letter ISO 4217 code such as XAF"],
    [{ amount: 100, expires_at: "tomorrow" }, "Invalid expiration date format"],
    [{ amount: 100, expires_at: "2025-13-45T00:00:00Z" }, "Invalid expiration date format"],
    [{ amount: 100, expires_at: 1735689600 }, "Invalid expiration date format"],
    [{ amount: 100, expires_at: "2020-01-01T00:00:00Z" }, "expires_at cannot be in the past"],
    [{ amount: 100, max_uses: 0 }, "max_uses must be an integer between 1 and 100"],
    [{ amount: 100, max_uses: 101 }, "max_uses must be an integer between 1 and 100"],
    [{ amount: 100, max_uses: 2.5 }, "max_uses must be an integer between 1 and 100"],
    [{ amount: 100, metadata: [1, 2] }, "metadata must be a JSON object"],
    [{ amount: 100, metadata: "x" }, "metadata must be a JSON object"],
    [{ amount: 100, provider: "MPESA" }, "provider must be one of MTN_CAM, ORANGE_CAM"],
    [{ amount: 100, type: "REFUND" }, "type must be one of COLLECTION, DEPOSIT"],
    [{ amount: 100, colour: "blue" }, "unknown field: colour"],
    [{ amount: 100, mode: "LIVE" }, "unknown field: mode"],
    [{ amount: 100, description: 5 }, "description must be a string"],
  ])("refuses %j with a 400 naming the problem", async (body, message) => {
    expectError(await create(body), 400, message);
  });

  it.each([
    ["malformed JSON", "{\"amount\": 10", { "content-type": "application/json" }, /^Malformed JSON body/],
    ["a JSON array", "[1,2]", { "content-type": "application/json" }, "Request body must be a JSON object, not an array"],
    ["a JSON string", "\"hi\"", { "content-type": "application/json" }, "Request body must be a JSON object, not string"],
    ["JSON null", "null", { "content-type": "application/json" }, "Request body must be a JSON object, not null"],
    ["no body", "", { "content-type": "application/json" }, "Request body is required: send a JSON object"],
    ["a form body", "amount=100", { "content-type": "application/x-www-form-urlencoded" }, /^Content-Type must be application\/json/],
    ["no content type", "{\"amount\": 10}", { "content-type": "" }, /^Content-Type must be application\/json/],
  ])("refuses %s in the envelope", async (_name, body, headers, message) => {
    expectError(await create(body, headers), 400, message);
  });

  it("refuses a huge body without reading it all", async () => {
    process.env.MAX_BODY_BYTES = "1024";
    expectError(await create({ amount: 1, description: "x".repeat(5000) }), 400, "Request body is too large: the limit is 1024 bytes");
  });

  it("writes nothing when it refuses", async () => {
    const before = await getDb().paymentLink.count({ where: { merchantId } });
    await create({ amount: 100, expires_at: "2020-01-01T00:00:00Z" });
    await create({ amount: -1 });
    expect(await getDb().paymentLink.count({ where: { merchantId } })).toBe(before);
  });
});

describe("API keys", () => {
  it("answers 401 in the envelope for a missing, malformed, unknown or revoked key", async () => {
    expectError(await create({ amount: 1 }, { "x-api-key": "" }), 401, "Missing x-api-key header");
    expectError(await call(listRoute, { path: "/api/payment-links" }), 401, "Missing x-api-key header");
    expectError(await create({ amount: 1 }, { "x-api-key": "no-dot-here" }), 401, "Invalid or inactive API key");
    expectError(await create({ amount: 1 }, { "x-api-key": "pk_test_nope.sk_test_nope" }), 401, "Invalid or inactive API key");
    const key = await createApiKey(merchantId);
    expectError(await create({ amount: 1 }, { "x-api-key": `${key.keyId}.wrong-secret` }), 401, "Invalid or inactive API key");
    await getDb().apiCredential.update({ where: { id: key.credentialId }, data: { revokedAt: new Date() } });
    expectError(await create({ amount: 1 }, { "x-api-key": key.apiKey }), 401, "Invalid or inactive API key");
  });

  it("records when a key was last used", async () => {
    const key = await createApiKey(merchantId);
    expect((await getDb().apiCredential.findUniqueOrThrow({ where: { id: key.credentialId } })).lastUsedAt).toBeNull();
    await call(listRoute, { path: "/api/payment-links", headers: { "x-api-key": key.apiKey } });
    const used = await getDb().apiCredential.findUniqueOrThrow({ where: { id: key.credentialId } });
    expect(used.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe("GET /payment-links/:slug (public)", () => {
  it("returns the documented fields without authentication", async () => {
    const scope = { merchantId, actor: "test" };
    const link = await createTestLink(scope, { amountMinor: 10000, metadata: { a: 1 }, description: "Invoice" });
    const result = await call(bySlugRoute, { path: `/api/payment-links/${link.slug}`, params: { key: link.slug } });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status_code: 200, status: "OK", message: "Payment link found" });
    expect(result.json.data).toEqual({
      id: link.id,
      slug: link.slug,
      amount: 10000,
      currency: "XAF",
      description: "Invoice",
      status: "ACTIVE",
      expires_at: null,
      metadata: { a: 1 },
      max_uses: 1,
      current_uses: 0,
      created_at: link.createdAt.toISOString(),
    });
  });

  it("answers 404 for an unknown slug", async () => {
    expectError(await call(bySlugRoute, { path: "/api/payment-links/pay_x", params: { key: "pay_x" } }), 404, "Payment link not found");
  });

  it("answers 410 with the documented message for each state", async () => {
    const scope = { merchantId, actor: "test" };
    const paid = await createTestLink(scope);
    const { payment } = await redeemLink({ slug: paid.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    const exhausted = await createTestLink(scope);
    await redeemLink({ slug: exhausted.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "test" });
    const cancelled = await createTestLink(scope);
    await call(cancelRoute, { method: "POST", path: "/x", headers: { "x-api-key": apiKey }, params: { key: cancelled.id } });
    const expired = await createTestLink(scope, { expiresAt: new Date(Date.now() + 60_000) });
    await expire(expired.id);

    for (const [link, message] of [
      [paid, "Payment link has already been paid"],
      [exhausted, "Payment link has reached maximum uses"],
      [cancelled, "Payment link has been cancelled"],
      [expired, "Payment link has expired"],
    ] as const) {
      const result = await call(bySlugRoute, { path: `/api/payment-links/${link.slug}`, params: { key: link.slug } });
      expect(result.json).toEqual({ status_code: 410, status: "GONE", message, data: {} });
    }
  });
});

describe("GET /payment-links", () => {
  it("lists the key's merchant's links, newest first, with pagination", async () => {
    const scope = await createMerchant();
    const key = await createApiKey(scope.merchantId);
    const other = await createMerchant();
    await createTestLink(other);
    const links = [];
    for (let i = 0; i < 3; i++) links.push(await createTestLink(scope, { amountMinor: 100 + i }));
    // Distinct creation times (links made within one millisecond would tie).
    for (const [i, link] of links.entries()) {
      await getDb().$executeRaw`UPDATE payment_links SET created_at = now() - ${3 - i} * interval '1 second' WHERE id = ${link.id}::uuid`;
    }
    await call(cancelRoute, { method: "POST", path: "/x", headers: { "x-api-key": key.apiKey }, params: { key: links[0]!.id } });

    const all = await call(listRoute, { path: "/api/payment-links", headers: { "x-api-key": key.apiKey } });
    expect(all.json).toMatchObject({ status_code: 200, status: "OK", message: "Payment links retrieved" });
    expect(all.json.data.pagination).toEqual({ page: 1, limit: 20, total: 3, total_pages: 1 });
    expect(all.json.data.items.map((i: { id: string }) => i.id)).toEqual([links[2]!.id, links[1]!.id, links[0]!.id]);
    expect(Object.keys(all.json.data.items[0]).sort()).toEqual(
      ["amount", "created_at", "current_uses", "currency", "expires_at", "id", "max_uses", "slug", "status"].sort(),
    );

    const page = await call(listRoute, { path: "/api/payment-links?page=2&limit=2", headers: { "x-api-key": key.apiKey } });
    expect(page.json.data.pagination).toEqual({ page: 2, limit: 2, total: 3, total_pages: 2 });
    expect(page.json.data.items).toHaveLength(1);

    const active = await call(listRoute, { path: "/api/payment-links?status=ACTIVE", headers: { "x-api-key": key.apiKey } });
    expect(active.json.data.pagination.total).toBe(2);
  });

  it.each([
    ["?limit=201", "limit must be between 1 and 200"],
    ["?limit=0", "limit must be between 1 and 200"],
    ["?page=0", "page must be a positive integer"],
    ["?page=abc", "page must be a positive integer"],
    ["?status=DONE", "status must be one of ACTIVE, PAID, EXPIRED, CANCELLED"],
  ])("refuses %s", async (query, message) => {
    expectError(await call(listRoute, { path: `/api/payment-links${query}`, headers: { "x-api-key": apiKey } }), 400, message);
  });

  it("allows limit=200", async () => {
    const result = await call(listRoute, { path: "/api/payment-links?limit=200", headers: { "x-api-key": apiKey } });
    expect(result.json.data.pagination.limit).toBe(200);
  });
});

describe("GET /payment-links/id/:id", () => {
  it("returns the documented fields, and 404 for another merchant's or a malformed id", async () => {
    const link = await createTestLink({ merchantId, actor: "test" });
    const result = await call(byIdRoute, { path: `/api/payment-links/id/${link.id}`, headers: { "x-api-key": apiKey }, params: { id: link.id } });
    expect(result.json).toMatchObject({ status_code: 200, status: "OK", message: "Payment link retrieved" });
    expect(result.json.data).toMatchObject({ id: link.id, slug: link.slug, updated_at: link.updatedAt.toISOString() });

    const stranger = await createApiKey((await createMerchant()).merchantId);
    for (const id of [link.id, "not-a-uuid"]) {
      const foreign = await call(byIdRoute, { path: `/api/payment-links/id/${id}`, headers: { "x-api-key": stranger.apiKey }, params: { id } });
      expectError(foreign, 404, "Payment link not found");
    }
  });
});

describe("PATCH /payment-links/:id", () => {
  const update = (id: string, body: unknown, key = apiKey) =>
    call(updateRoute, { method: "PATCH", path: `/api/payment-links/${id}`, headers: { "x-api-key": key }, body, params: { key: id } });

  it("updates and merges metadata, answering {id, slug}", async () => {
    const link = await createTestLink({ merchantId, actor: "test" }, { metadata: { a: 1, b: 2 } });
    const result = await update(link.id, { description: "Updated", max_uses: 5, metadata: { b: 3, c: 4 }, expires_at: future() });
    expect(result.json).toEqual({
      status_code: 200,
      status: "OK",
      message: "Payment link updated successfully",
      data: { id: link.id, slug: link.slug },
    });
    const stored = await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored).toMatchObject({ description: "Updated", maxUses: 5, metadata: { a: 1, b: 3, c: 4 } });
  });

  it("refuses paid and cancelled links, max_uses below current_uses, and past dates", async () => {
    const scope = { merchantId, actor: "test" };
    const paid = await createTestLink(scope);
    await redeemLink({ slug: paid.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    expectError(await update(paid.id, { description: "x" }), 400, "Cannot update a paid or cancelled payment link");

    const multi = await createTestLink(scope, { maxUses: 3 });
    await redeemLink({ slug: multi.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    await redeemLink({ slug: multi.slug, provider: "MTN_CAM", phoneNumber: "671000002" });
    expectError(await update(multi.id, { max_uses: 1 }), 400, "max_uses cannot be less than current_uses (2)");
    expectError(await update(multi.id, { expires_at: "2001-01-01T00:00:00Z" }), 400, "expires_at cannot be in the past");
    expectError(await update(multi.id, { status: "NOPE" }), 400, "status must be one of ACTIVE, PAID, EXPIRED, CANCELLED");
    expectError(await update(multi.id, { amount: 5 }), 400, "unknown field: amount");
    expectError(await update(multi.id, "[]"), 400, /Content-Type|JSON object/);
  });

  it("answers 404 for another merchant's link", async () => {
    const link = await createTestLink({ merchantId, actor: "test" });
    const stranger = await createApiKey((await createMerchant()).merchantId);
    expectError(await update(link.id, { description: "mine now" }, stranger.apiKey), 404, "Payment link not found");
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).description).toBe("Test link");
  });
});

describe("POST /payment-links/:id/cancel", () => {
  const cancel = (id: string, key = apiKey) =>
    call(cancelRoute, { method: "POST", path: `/api/payment-links/${id}/cancel`, headers: { "x-api-key": key }, params: { key: id } });

  it("cancels once, then refuses; refuses another merchant's link", async () => {
    const link = await createTestLink({ merchantId, actor: "test" });
    expect((await cancel(link.id)).json).toEqual({
      status_code: 200,
      status: "OK",
      message: "Payment link cancelled successfully",
      data: { id: link.id, slug: link.slug, status: "CANCELLED" },
    });
    expectError(await cancel(link.id), 400, "Cannot cancel a paid or already cancelled payment link");
    const stranger = await createApiKey((await createMerchant()).merchantId);
    expectError(await cancel((await createTestLink({ merchantId, actor: "t" })).id, stranger.apiKey), 404, "Payment link not found");
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response for a retry with the same key and body, with one effect", async () => {
    const headers = { "idempotency-key": `key-${Date.now()}` };
    const first = await create({ amount: 777 }, headers);
    const second = await create({ amount: 777 }, headers);
    expect(second.status).toBe(first.status);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await getDb().paymentLink.count({ where: { merchantId, amountMinor: 777n } })).toBe(1);
  });

  it("answers 409 naming the key when it is reused with another body", async () => {
    const key = `key-${Date.now()}-b`;
    await create({ amount: 1 }, { "idempotency-key": key });
    expectError(await create({ amount: 2 }, { "idempotency-key": key }), 409, new RegExp(`Idempotency-Key "${key}" was already used`));
  });

  it("keeps keys per API key", async () => {
    const key = `key-${Date.now()}-c`;
    const other = await createApiKey(merchantId);
    const a = await create({ amount: 3 }, { "idempotency-key": key });
    const b = await create({ amount: 3 }, { "idempotency-key": key, "x-api-key": other.apiKey });
    expect(b.json.data.id).not.toBe(a.json.data.id);
  });

  it("produces one effect for concurrent requests with one key", async () => {
    const headers = { "idempotency-key": `key-${Date.now()}-d` };
    const results = await Promise.all(Array.from({ length: 5 }, () => create({ amount: 4242 }, headers)));
    const ids = new Set(results.map((r) => r.json.data?.id));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await getDb().paymentLink.count({ where: { merchantId, amountMinor: 4242n } })).toBe(1);
  });

  it("replays a validation error too, and refuses an unusable key", async () => {
    const headers = { "idempotency-key": `key-${Date.now()}-e` };
    const first = await create({ amount: 0 }, headers);
    expect((await create({ amount: 0 }, headers)).json).toEqual(first.json);
    expectError(await create({ amount: 1 }, { "idempotency-key": "x".repeat(300) }), 400, /Idempotency-Key must be/);
  });
});

describe("rate limits", () => {
  it("sends X-RateLimit-* on every response and 429 in the envelope past the limit (per key)", async () => {
    process.env.RATE_LIMIT_PER_CREDENTIAL = "3";
    const key = await createApiKey(merchantId);
    const list = () => call(listRoute, { path: "/api/payment-links", headers: { "x-api-key": key.apiKey } });
    const results = [await list(), await list(), await list(), await list()];
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(results.map((r) => r.headers.get("x-ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    for (const r of results) {
      expect(r.headers.get("x-ratelimit-limit")).toBe("3");
      expect(Number(r.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    }
    expectError(results[3]!, 429, "Rate limit exceeded: 3 requests per 60 seconds");
    expect(Number(results[3]!.headers.get("retry-after"))).toBeGreaterThan(0);
    // another key of the same merchant has its own counter
    const fresh = await createApiKey(merchantId);
    expect((await call(listRoute, { path: "/api/payment-links", headers: { "x-api-key": fresh.apiKey } })).status).toBe(200);
  });

  it("limits the public endpoints and failed logins per client IP", async () => {
    process.env.RATE_LIMIT_PER_IP = "2";
    const ip = testIp();
    const get = () => call(bySlugRoute, { path: "/api/payment-links/pay_none", headers: { "x-forwarded-for": ip }, params: { key: "pay_none" } });
    expect([(await get()).status, (await get()).status, (await get()).status]).toEqual([404, 404, 429]);
    const other = await call(bySlugRoute, { path: "/api/payment-links/pay_none", params: { key: "pay_none" } });
    expect(other.status).toBe(404);

    const badIp = testIp();
    const login = () => call(listRoute, { path: "/api/payment-links", headers: { "x-api-key": "pk.bad", "x-forwarded-for": badIp } });
    const attempts = [await login(), await login(), await login()];
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 429]);
    expect(attempts[0]!.headers.get("x-ratelimit-limit")).toBe("2");
  });
});
