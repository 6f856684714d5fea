/**
 * Replays the example requests of contracts/cm-payment-link-api.txt over real HTTP with the demo
 * API key as client credentials: a token (form body, as the document sends it), the document's
 * create body (with an expiry date still to come: the document's 2022 date is past), a GET, the
 * document's PATCH `{"active": false}` and the status call. Each answer has the documented status
 * and the keys of the document's example in its order, each with the example's JSON type (and
 * validates against the contract's schemas); `uri` opens the pay page, which then says the link
 * was deactivated.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import type { z } from "zod";
import { demoAccounts } from "@/prisma/demo-accounts";
import { cmErrorSchema } from "@/lib/contracts/cm/schemas";
import { paymentLinkResponse, paymentLinkStatusResponse, tokenResponse } from "@/lib/contracts/cm/schemas";

const [clientId, clientSecret] = demoAccounts().demo.apiKey.split(".") as [string, string];

/** One year from now, a whole second, written as the document writes dates. */
const expiryDate = new Date(Math.floor(Date.now() / 1000) * 1000 + 365 * 86_400_000).toISOString().replace(".000Z", "+00:00");

const TOKEN_EXAMPLE = { access_token: "MTQ0NjJkYmQ5OTM2NDE1ZTZjXGZmZjI7", token_type: "bearer", expires_in: 86400 };

const CREATE_BODY = {
  amount: 10.0,
  callback_url: "https://merchant.url/callback",
  country_code: "NL",
  currency_code: "EUR",
  expiry_date: expiryDate,
  invoice_due_date: "2022-02-22T22:00:00+00:00",
  invoice_reference: "<INVOICE_REFERENCE>",
  language_code: "NL",
  merchant_reference: "<MERCHANT_REFERENCE>",
};

/** The document's response example (create, GET and PATCH answer the same fields). */
const LINK_EXAMPLE = {
  ...CREATE_BODY,
  expiry_date: "2022-02-22T22:00:00+00:00",
  ref: "pml-f4b63861-9af3-4b20-a414-59dd9a7887c5",
  active: true,
  status: "open",
  uri: "https://www.cmpay.nl/pml/3F7XHG7",
};

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Exactly the example's keys, in its order, each with the example's JSON type. */
function expectLike(actual: Record<string, unknown>, example: Record<string, unknown>) {
  expect(Object.keys(actual)).toEqual(Object.keys(example));
  for (const [key, value] of Object.entries(example)) expect(jsonType(actual[key]), key).toBe(jsonType(value));
}

async function expectJson<T extends z.ZodType>(response: APIResponse, status: number, schema: T): Promise<z.output<T>> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return body;
}

test("the document's calls work as written: token, create, get, deactivate, status", async ({ request }) => {
  // POST /auth/v1/token, x-www-form-urlencoded
  const token = await expectJson(
    await request.post("/api/cm/auth/v1/token", { form: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret } }),
    200,
    tokenResponse,
  );
  expectLike(token, TOKEN_EXAMPLE);
  expect(token).toMatchObject({ token_type: "bearer", expires_in: 86400 });
  const headers = { Authorization: `Bearer ${token.access_token}` };

  // POST /paymentlink/v1.0 with the document's body
  const created = await expectJson(await request.post("/api/cm/paymentlink/v1.0", { headers, data: CREATE_BODY }), 201, paymentLinkResponse);
  expectLike(created, LINK_EXAMPLE);
  expect(created).toMatchObject({ ...CREATE_BODY, amount: 10, active: true, status: "open" });
  expect(created.ref).toMatch(/^pml-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

  // The uri opens the payment page.
  const page = await request.get(`${created.uri}?lang=en`);
  expect(page.status()).toBe(200);
  expect(page.url()).toMatch(/\/pay\/[^/?]+\?lang=en$/);
  expect(await page.text()).toContain("Pay ");

  // GET /paymentlink/v1/<reference>
  const read = await expectJson(await request.get(`/api/cm/paymentlink/v1/${created.ref}`, { headers }), 200, paymentLinkResponse);
  expectLike(read, LINK_EXAMPLE);
  expect(read).toEqual(created);

  // PATCH /paymentlink/v1/<reference> {"active": false}
  const patched = await expectJson(await request.patch(`/api/cm/paymentlink/v1/${created.ref}`, { headers, data: { active: false } }), 200, paymentLinkResponse);
  expectLike(patched, LINK_EXAMPLE);
  expect(patched).toEqual({ ...created, active: false, status: "open" });

  // GET /paymentlink/v1/<reference>/status
  const status = await expectJson(await request.get(`/api/cm/paymentlink/v1/${created.ref}/status`, { headers }), 200, paymentLinkStatusResponse);
  expect(Object.keys(status)).toEqual(["status"]);
  expect(status).toEqual({ status: "open" });

  // The deactivated link's page says so, in English and in French.
  const gone = await request.get(`${created.uri}?lang=en`);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain("This link has been deactivated");
  const goneFr = await request.get(`${created.uri}?lang=fr`);
  expect(await goneFr.text()).toContain("Ce lien a été désactivé");
});

test("clients that call /paymentlink/v1 and send the bare token are served too", async ({ request }) => {
  const token = await (await request.post("/api/cm/auth/v1/token", { data: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret } })).json();
  const headers = { Authorization: token.access_token as string };
  const created = await expectJson(
    await request.post("/api/cm/paymentlink/v1", { headers, data: { amount: 5000, currency_code: "XAF", merchant_reference: "ORDER-1" } }),
    201,
    paymentLinkResponse,
  );
  expect(created).toMatchObject({ amount: 5000, currency_code: "XAF", language_code: "EN", active: true, status: "open" });
});

test("errors name the field, in the documented error shape", async ({ request }) => {
  const denied = await expectJson(
    await request.post("/api/cm/auth/v1/token", { form: { grant_type: "client_credentials", client_id: clientId, client_secret: "wrong" } }),
    401,
    cmErrorSchema,
  );
  expect(denied.errors[0]).toMatchObject({ code: "unauthenticated" });

  const token = await (await request.post("/api/cm/auth/v1/token", { form: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret } })).json();
  const headers = { Authorization: `Bearer ${token.access_token}` };
  const invalid = await expectJson(await request.post("/api/cm/paymentlink/v1.0", { headers, data: { amount: 10.005, merchant_reference: "R" } }), 400, cmErrorSchema);
  expect(invalid.errors[0]).toMatchObject({ code: "validation", field: "amount" });
  const missing = await expectJson(await request.get("/api/cm/paymentlink/v1/pml-00000000-0000-4000-8000-000000000000", { headers }), 404, cmErrorSchema);
  expect(missing.errors[0]).toMatchObject({ code: "not_found", message: "Payment link not found" });
});
