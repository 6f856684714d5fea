/**
 * Replays the example requests of contracts/sylius-payments-api.rst over real HTTP with the demo
 * login and API key: an OAuth token first (as a Sylius client gets one), then the payment
 * collection with the document's query (`?limit=2`, trailing slash) and a single payment. Each
 * answer has the documented status, every key of the document's example with the same JSON type
 * (and validates against the contract's response schemas), and every `_links` href answers 200.
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { z } from "zod";
import { demoAccounts } from "@/prisma/demo-accounts";
import { oauthErrorSchema, paymentCollectionSchema, paymentSchema, tokenResponse } from "@/lib/contracts/sylius/schemas";

const demo = demoAccounts().demo;
const [clientId, clientSecret] = demo.apiKey.split(".") as [string, string];

/** The document's "Exemplary Response" of GET /api/v1/payments/20. */
const PAYMENT_EXAMPLE = {
  id: 20,
  method: {
    id: 2,
    code: "bank_transfer",
    channels: [
      {
        id: 1,
        code: "US_WEB",
        name: "US Web Store",
        hostname: "localhost",
        color: "DeepSkyBlue",
        createdAt: "2017-02-26T11:31:19+0100",
        updatedAt: "2017-02-26T11:31:19+0100",
        enabled: true,
        taxCalculationStrategy: "order_items_based",
        _links: { self: { href: "/api/v1/channels/US_WEB" } },
      },
    ],
    _links: { self: { href: "/api/v1/payment-methods/bank_transfer" } },
  },
  amount: 4507,
  state: "new",
  _links: {
    self: { href: "/api/v1/payments/20" },
    "payment-method": { href: "/api/v1/payment-methods/bank_transfer" },
    order: { href: "/api/v1/orders/20" },
  },
};

/** The document's "Exemplary Response" of GET /api/v1/payments/?limit=2 (one item shown). */
const COLLECTION_EXAMPLE = {
  page: 1,
  limit: 2,
  pages: 10,
  total: 20,
  _links: {
    self: { href: "/api/v1/payments/?page=1&limit=2" },
    first: { href: "/api/v1/payments/?page=1&limit=2" },
    last: { href: "/api/v1/payments/?page=10&limit=2" },
    next: { href: "/api/v1/payments/?page=2&limit=2" },
  },
  _embedded: {
    items: [
      {
        id: 1,
        method: { id: 2, code: "bank_transfer", _links: { self: { href: "/api/v1/payment-methods/bank_transfer" } } },
        amount: 3812,
        state: "new",
        _links: {
          self: { href: "/api/v1/payments/1" },
          "payment-method": { href: "/api/v1/payment-methods/bank_transfer" },
          order: { href: "/api/v1/orders/1" },
        },
      },
    ],
  },
};

const STATES = ["new", "processing", "completed", "failed", "cancelled"];

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Every key of the document's example is in the answer, with the same JSON type, all the way down. */
function expectLike(actual: unknown, example: unknown, at = "$") {
  expect(jsonType(actual), at).toBe(jsonType(example));
  if (Array.isArray(example)) {
    expect((actual as unknown[]).length, `${at} is not empty`).toBeGreaterThan(0);
    for (const [index, item] of (actual as unknown[]).entries()) expectLike(item, example[0], `${at}[${index}]`);
  } else if (example && typeof example === "object") {
    for (const [key, value] of Object.entries(example)) {
      expect(Object.keys(actual as object), at).toContain(key);
      expectLike((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
    }
  }
}

async function expectJson<T extends z.ZodType>(response: APIResponse, status: number, schema: T): Promise<z.output<T>> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return body;
}

/** The document's `-H "Authorization: Bearer SampleToken" -H "Accept: application/json"`. */
const headersOf = (token: string) => ({ Authorization: `Bearer ${token}`, Accept: "application/json" });

async function obtainToken(request: APIRequestContext): Promise<string> {
  // As Sylius documents it: curl /api/oauth/v2/token -d client_id=... -d client_secret=... -d grant_type=password -d username=... -d password=...
  const response = await request.post("/api/oauth/v2/token", {
    form: { client_id: clientId, client_secret: clientSecret, grant_type: "password", username: demo.email, password: demo.password },
  });
  const token = await expectJson(response, 200, tokenResponse);
  expect(Object.keys(token).sort()).toEqual(["access_token", "expires_in", "refresh_token", "scope", "token_type"]);
  expect(token).toMatchObject({ expires_in: 3600, token_type: "bearer", scope: null });
  return token.access_token;
}

test("a Sylius client gets a token, then reads the payments as documented", async ({ request }) => {
  const token = await obtainToken(request);

  // Collection of Payments: curl http://demo.sylius.com/api/v1/payments/\?limit\=2
  const collection = await expectJson(
    await request.get("/api/v1/payments/?limit=2", { headers: headersOf(token), maxRedirects: 0 }),
    200,
    paymentCollectionSchema,
  );
  expectLike(collection, COLLECTION_EXAMPLE);
  expect(collection).toMatchObject({ page: 1, limit: 2 });
  expect(collection.total).toBeGreaterThan(2);
  expect(collection.pages).toBe(Math.ceil(collection.total / 2));
  expect(collection._links.self.href).toBe("/api/v1/payments/?page=1&limit=2");
  expect(collection._links.first.href).toBe("/api/v1/payments/?page=1&limit=2");
  expect(collection._links.last.href).toBe(`/api/v1/payments/?page=${collection.pages}&limit=2`);
  expect(collection._links.next!.href).toBe("/api/v1/payments/?page=2&limit=2");
  expect(collection._embedded.items).toHaveLength(2);
  for (const item of collection._embedded.items) expect(STATES).toContain(item.state);

  // Getting a Single Payment: curl http://demo.sylius.com/api/v1/payments/20 (an id of this merchant)
  const id = collection._embedded.items[0]!.id;
  const payment = await expectJson(await request.get(`/api/v1/payments/${id}`, { headers: headersOf(token) }), 200, paymentSchema);
  expectLike(payment, PAYMENT_EXAMPLE);
  expect(payment.id).toBe(id);
  expect(["mtn_momo", "orange_money"]).toContain(payment.method.code);
  expect(payment.method.channels[0]!.hostname).toBe("127.0.0.1");
  expect(payment._links.self.href).toBe(`/api/v1/payments/${id}`);

  // Every href the answers hand out answers 200 with the same token.
  const hrefs = new Set([
    ...Object.values(collection._links).map((link) => link!.href),
    ...Object.values(payment._links).map((link) => link.href),
    payment.method._links.self.href,
    payment.method.channels[0]!._links.self.href,
  ]);
  for (const href of hrefs) {
    const response = await request.get(href, { headers: headersOf(token), maxRedirects: 0 });
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toContain("application/json");
  }
});

test("the collection answers without the trailing slash too, never redirecting", async ({ request }) => {
  const token = await obtainToken(request);
  const withSlash = await request.get("/api/v1/payments/?limit=3&sorting[amount]=DESC", { headers: headersOf(token), maxRedirects: 0 });
  const without = await request.get("/api/v1/payments?limit=3&sorting[amount]=DESC", { headers: headersOf(token), maxRedirects: 0 });
  expect(withSlash.status()).toBe(200);
  expect(without.status()).toBe(200);
  const body = await withSlash.json();
  expect(await without.json()).toEqual(body);
  const amounts = body._embedded.items.map((item: { amount: number }) => item.amount);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
});

test("the token endpoint takes a GET with query parameters and answers OAuth errors", async ({ request }) => {
  const query = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: "client_credentials" });
  await expectJson(await request.get(`/api/oauth/v2/token?${query}`), 200, tokenResponse);
  const wrong = await request.post("/api/oauth/v2/token", { form: { client_id: clientId, client_secret: "nope", grant_type: "client_credentials" } });
  expect(await expectJson(wrong, 401, oauthErrorSchema)).toMatchObject({ error: "invalid_client" });
  const missing = await request.post("/api/oauth/v2/token", { form: { grant_type: "password", client_id: clientId } });
  const body = await expectJson(missing, 400, oauthErrorSchema);
  expect(body).toEqual({ error: "invalid_request", error_description: "Missing required parameters for grant_type=password: client_secret, username, password" });
});

test("without a token, or with a bad one, the answer is Sylius's OAuth 401", async ({ request }) => {
  for (const headers of [{ Accept: "application/json" }, headersOf("SampleToken")]) {
    for (const path of ["/api/v1/payments/?limit=2", "/api/v1/payments/20"]) {
      const response = await request.get(path, { headers });
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toEqual({ error: "access_denied", error_description: "OAuth2 authentication required" });
    }
  }
  const token = await obtainToken(request);
  const unknown = await request.get("/api/v1/payments/2147483647", { headers: headersOf(token) });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ code: 404, message: "Payment not found" });
  const bad = await request.get("/api/v1/payments/?limit=1000", { headers: headersOf(token) });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ code: 400, message: "limit must be an integer between 1 and 100" });
});
