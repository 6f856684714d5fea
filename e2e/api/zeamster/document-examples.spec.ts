/**
 * Replays the example requests of contracts/zeamster-paylinks.txt over real HTTP with the demo
 * API key as Zeamster's headers (`user-id` = key id, `user-api-key` = secret, and a
 * `developer-id`, which is ignored): create with the document's body (its expire_date, now past,
 * moved into the future), update with the document's body, view, list with the document's query,
 * expand, resend and delete. Each answer has the documented status and every key of the
 * document's example with the same JSON type (a field the document shows filled may be null
 * where the field is optional), and validates against the contract's response schemas.
 *
 * The document's amount_due (99999999.99) has cents: in a currency without them (XAF, the demo
 * merchant's default) it is a 422 naming amount_due, so the example is replayed as is (expecting
 * what the merchant's currency allows), then with the product's `currency` extension set to EUR.
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import pg from "pg";
import type { z } from "zod";
import { paylinkResponse, paylinksResponse, zeamsterErrorSchema } from "@/lib/contracts/zeamster/schemas";
import { demoAccounts } from "@/prisma/demo-accounts";
import { baseURL } from "../../../playwright.config";

const demo = demoAccounts().demo;
const dot = demo.apiKey.indexOf(".");
const HEADERS = { "user-id": demo.apiKey.slice(0, dot), "user-api-key": demo.apiKey.slice(dot + 1), "developer-id": "zeamster-developer-id" };
const API = `${baseURL}/api/zeamster`;

const FUTURE = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** The document's Create Paylink request, expire_date moved into the future. */
const CREATE_BODY = {
  paylink: {
    location_id: "11111111-1111-1111-1111-111111111111",
    cc_product_transaction_id: "11ec9bbbc02c6176b04f35e7",
    expire_date: FUTURE,
    amount_due: 99999999.99,
    email: "jones@emailr.com",
    cell_phone: "1111111111",
    contact_id: "11ec939cccb05bf494a312a1",
    delivery_method: 3,
  },
};

/** The document's answer to every single-record request. */
const PAYLINK_EXAMPLE = {
  id: "11eca9f78d3654da9f92abd0",
  cc_product_transaction_id: "11eca9f76a959008955ce03b",
  ach_product_transaction_id: null,
  location_id: "11111111-1111-1111-1111-111111111111",
  paylink_api_id: null,
  contact_id: "11e999d31a7ab26aa1f36f05",
  amount_due: "99999999.99",
  cell_phone: "1111111111",
  email: "jones@emailr.com",
  description: null,
  expire_date: "2022-04-10",
  status_id: 0,
  display_product_transaction_receipt_details: 1,
  display_billing_fields: 1,
  delivery_method: 1,
  active: 1,
  created_ts: 1647964123,
  modified_ts: 1647964123,
  created_user_id: "11111111-1111-1111-1111-111111111111",
  modified_user_id: "11111111-1111-1111-1111-111111111111",
  _links: { self: { href: "{{url}}/v2/paylinks/11eca9f78d3654da9f92abd0" } },
};

/** The document's View Record List answer (its query: ?page_size=1&page=1). */
const LIST_EXAMPLE = {
  paylinks: [PAYLINK_EXAMPLE],
  meta: {
    pagination: {
      links: {
        self: { href: "{{url}}/v2/paylinks?page_size=1&page=1" },
        next: { href: "{{url}}/v2/paylinks?page_size=1&page=2" },
        last: { href: "{{url}}/v2/paylinks?page_size=1&page=2" },
      },
      totalCount: 2,
      pageCount: 2,
      currentPage: 0,
      perPage: 1,
    },
    sort: { attributes: { created_ts: "desc" } },
  },
};

/** Optional fields: the document shows some filled and some null; either is of the documented type. */
const NULLABLE = new Set(["cc_product_transaction_id", "ach_product_transaction_id", "paylink_api_id", "contact_id", "cell_phone", "email", "description", "expire_date"]);

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Every key of the document's example is in the answer, with the same JSON type, all the way down. */
function expectLike(actual: unknown, example: unknown, at = "$") {
  const key = at.split(".").pop()!;
  if (NULLABLE.has(key) && (actual === null || example === null)) {
    expect(["null", "string"], at).toContain(jsonType(actual));
    return;
  }
  expect(jsonType(actual), at).toBe(jsonType(example));
  if (Array.isArray(example)) {
    expect((actual as unknown[]).length, `${at} is not empty`).toBeGreaterThan(0);
    for (const [index, item] of (actual as unknown[]).entries()) expectLike(item, example[0], `${at}[${index}]`);
  } else if (example && typeof example === "object") {
    for (const [name, value] of Object.entries(example)) {
      expect(Object.keys(actual as object), at).toContain(name);
      expectLike((actual as Record<string, unknown>)[name], value, `${at}.${name}`);
    }
  }
}

async function expectJson<T extends z.ZodType>(response: APIResponse, status: number, schema: T): Promise<z.output<T>> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return body;
}

async function expectNoBody(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  expect(await response.body()).toHaveLength(0);
}

/** The demo merchant's default currency (dashboard Settings), which a paylink without `currency` is in. */
async function demoCurrency(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ default_currency: string }>("SELECT default_currency FROM merchants WHERE id = $1", [demo.merchantId]);
    return rows[0]!.default_currency;
  } finally {
    await client.end();
  }
}

const createPaylink = (request: APIRequestContext, body: unknown, query = "") => request.post(`${API}/v2/paylinks${query}`, { headers: HEADERS, data: body });

test("a Zeamster client creates, updates, views, lists, resends and deletes paylinks as documented", async ({ request }) => {
  // Create Paylink: the document's body. It fits a currency with cents; in XAF the cents are refused, naming amount_due.
  const currency = await demoCurrency();
  const asDocumented = await createPaylink(request, CREATE_BODY);
  if (currency === "XAF" || currency === "XOF") {
    const error = await expectJson(asDocumented, 422, zeamsterErrorSchema);
    expect(error).toMatchObject({ type: "Error", status: 422 });
    expect(Object.keys(error.errors!)).toEqual(["amount_due"]);
    expect(error.errors!.amount_due![0]).toMatch(/has no minor unit/);
  } else {
    expectLike((await expectJson(asDocumented, 201, paylinkResponse)).paylink, PAYLINK_EXAMPLE);
  }

  // The same body with the product's currency extension.
  const created = (await expectJson(await createPaylink(request, { paylink: { ...CREATE_BODY.paylink, currency: "EUR" } }), 201, paylinkResponse)).paylink;
  expectLike(created, PAYLINK_EXAMPLE);
  expect(created).toMatchObject({
    cc_product_transaction_id: "11ec9bbbc02c6176b04f35e7",
    ach_product_transaction_id: null,
    location_id: "11111111-1111-1111-1111-111111111111",
    paylink_api_id: null,
    contact_id: "11ec939cccb05bf494a312a1",
    amount_due: "99999999.99",
    currency: "EUR",
    cell_phone: "1111111111",
    email: "jones@emailr.com",
    description: null,
    expire_date: FUTURE,
    status_id: 0,
    display_product_transaction_receipt_details: 1,
    display_billing_fields: 1,
    delivery_method: 3,
    active: 1,
    created_user_id: HEADERS["user-id"],
    modified_user_id: HEADERS["user-id"],
  });
  expect(created.modified_ts).toBe(created.created_ts);
  expect(created._links.self.href).toBe(`${API}/v2/paylinks/${created.id}`);

  // Update Record: the document's body.
  const updated = (await expectJson(await request.put(`${API}/v2/paylinks/${created.id}`, { headers: HEADERS, data: { paylink: { email: "newmail@mailer.com" } } }), 200, paylinkResponse))
    .paylink;
  expectLike(updated, PAYLINK_EXAMPLE);
  expect(updated).toEqual({ ...created, email: "newmail@mailer.com", modified_ts: updated.modified_ts });

  // View Single Record.
  const viewed = (await expectJson(await request.get(`${API}/v2/paylinks/${created.id}`, { headers: HEADERS }), 200, paylinkResponse)).paylink;
  expectLike(viewed, PAYLINK_EXAMPLE);
  expect(viewed).toEqual(updated);

  // Expands: GET /v2/paylinks/xxxxxxxxxxxxxxxxxxxxxxxx?expand=created_user,contact,payment_url
  const expanded = (await expectJson(await request.get(`${API}/v2/paylinks/${created.id}?expand=created_user,contact,payment_url`, { headers: HEADERS }), 200, paylinkResponse))
    .paylink;
  expectLike(expanded, PAYLINK_EXAMPLE);
  expect(expanded.contact).toMatchObject({ id: "11ec939cccb05bf494a312a1", email: "newmail@mailer.com" });
  expect(expanded.created_user).toMatchObject({ id: HEADERS["user-id"], api_only: true });
  expect(expanded.payment_url).toBe(`${baseURL}/paylink?id=${created.id}`);
  const payPage = await request.get(expanded.payment_url!, { maxRedirects: 0 });
  expect(payPage.status()).toBe(307);
  expect(payPage.headers()["location"]).toMatch(/^\/pay\/pay_/);

  // View Record List: /v2/paylinks?page_size=1&page=1
  const listed = await expectJson(await request.get(`${API}/v2/paylinks?page_size=1&page=1`, { headers: HEADERS }), 200, paylinksResponse);
  expectLike(listed, LIST_EXAMPLE);
  const { pagination } = listed.meta;
  expect(listed.paylinks).toHaveLength(1);
  expect(pagination).toMatchObject({ currentPage: 0, perPage: 1 });
  expect(pagination.totalCount).toBeGreaterThan(1);
  expect(pagination.pageCount).toBe(pagination.totalCount);
  expect(pagination.links.self.href).toBe(`${API}/v2/paylinks?page_size=1&page=1`);
  expect(pagination.links.next!.href).toBe(`${API}/v2/paylinks?page_size=1&page=2`);
  expect(pagination.links.last!.href).toBe(`${API}/v2/paylinks?page_size=1&page=${pagination.pageCount}`);
  expect(listed.meta.sort).toEqual({ attributes: { created_ts: "desc" } });
  // Filters: the columns as URL parameters.
  const filtered = await expectJson(await request.get(`${API}/v2/paylinks?id=${created.id}&status_id=0&email=newmail@mailer.com`, { headers: HEADERS }), 200, paylinksResponse);
  expect(filtered.paylinks.map((p) => p.id)).toEqual([created.id]);

  // Resend Notification Email / SMS Notification: 204, no body.
  await expectNoBody(await request.post(`${API}/v2/paylinks/${created.id}/resend`, { headers: HEADERS }), 204);

  // Delete Record: 204, no body; then 404.
  await expectNoBody(await request.delete(`${API}/v2/paylinks/${created.id}`, { headers: HEADERS }), 204);
  const gone = await expectJson(await request.get(`${API}/v2/paylinks/${created.id}`, { headers: HEADERS }), 404, zeamsterErrorSchema);
  expect(gone).toEqual({ type: "Error", status: 404, message: "Paylink not found" });
  await expectJson(await request.delete(`${API}/v2/paylinks/${created.id}`, { headers: HEADERS }), 404, zeamsterErrorSchema);
  await expectJson(await request.post(`${API}/v2/paylinks/${created.id}/resend`, { headers: HEADERS }), 404, zeamsterErrorSchema);
});

test("a whole amount in the merchant's default currency is created from the document's body", async ({ request }) => {
  const paylink = (await expectJson(await createPaylink(request, { paylink: { ...CREATE_BODY.paylink, amount_due: 99999999 } }), 201, paylinkResponse)).paylink;
  expectLike(paylink, PAYLINK_EXAMPLE);
  expect(paylink.amount_due).toMatch(/^99999999\.00$/);
  expect(paylink.currency).toBe(await demoCurrency());
});

test("without valid Zeamster headers the API answers 401 in its error shape", async ({ request }) => {
  const attempts: Record<string, string>[] = [{}, { "user-id": HEADERS["user-id"] }, { ...HEADERS, "user-api-key": "wrong" }, { "x-api-key": demo.apiKey }];
  for (const headers of attempts) {
    const error = await expectJson(await request.get(`${API}/v2/paylinks`, { headers }), 401, zeamsterErrorSchema);
    expect(error).toMatchObject({ type: "Error", status: 401 });
  }
  // Header names in any case.
  await expectJson(await request.get(`${API}/v2/paylinks?page_size=1`, { headers: { "USER-ID": HEADERS["user-id"], "User-Api-Key": HEADERS["user-api-key"] } }), 200, paylinksResponse);
});
