/**
 * The Zeamster Paylinks contract over its route handlers: authentication (user-id + user-api-key,
 * header case, developer-id ignored, revoked keys, scope), every endpoint, every documented field
 * with its type and format, the currency decision, filters, sort, expand, the pagination meta,
 * the documented errors (422 naming every bad field, 404 for unknown, foreign and deleted
 * paylinks, PUT refused once paid or closed), DELETE keeping the payments, the email and SMS
 * written to the outbox on create and on resend (and the email received by a real SMTP server),
 * and isolation between merchants.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { DELETE as deleteRoute, GET as getRoute, PUT as putRoute } from "@/app/api/zeamster/v2/paylinks/[id]/route";
import { POST as resendRoute } from "@/app/api/zeamster/v2/paylinks/[id]/resend/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/zeamster/v2/paylinks/route";
import { GET as paylinkPageRoute } from "@/app/paylink/route";
import { answerUnserved } from "@/lib/contracts/kit/fallback";
import { openApiDocument } from "@/lib/contracts/openapi";
import { CONTRACTS } from "@/lib/contracts/registry";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { signUp } from "@/lib/services/accounts/sign-up";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { call, createApiKey, type CallResult } from "@/lib/testing/http";
import { rejection } from "@/lib/testing/rejection";
import { parseEmail, SMTP_TEST_PASSWORD, SMTP_TEST_USER, startSmtp } from "@/lib/testing/smtp";
import { deliverDueMessages } from "@/lib/services/outbox/deliver-messages";
import { closeEmailTransport } from "@/lib/services/outbox/senders/email";
import { paylinkResponse, paylinksResponse, zeamsterErrorSchema } from "./schemas";

const BASE = "https://pay.example.cm";
const API = `${BASE}/api/zeamster`;

interface Account {
  scope: MerchantScope;
  keyId: string;
  secret: string;
  credentialId: string;
}

async function account(name: string, { scopes = ["payment_links"], mode = "SANDBOX" as "SANDBOX" | "LIVE" } = {}): Promise<Account> {
  const scope = await createMerchant(name);
  const key = await createApiKey(scope.merchantId, mode, scopes);
  return { scope, keyId: key.keyId, secret: key.secret, credentialId: key.credentialId };
}

let shop: Account;
let other: Account;
const savedEnv = { APP_URL: process.env.APP_URL, RATE_LIMIT_PER_CREDENTIAL: process.env.RATE_LIMIT_PER_CREDENTIAL };

beforeAll(async () => {
  process.env.APP_URL = BASE;
  // Hundreds of requests with one key: rate limits are tested in the kit's tests.
  process.env.RATE_LIMIT_PER_CREDENTIAL = "100000";
  [shop, other] = await Promise.all([account("Boutique Akwa"), account("Boulangerie Mboa")]);
});

afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const auth = (who: Pick<Account, "keyId" | "secret"> = shop) => ({ "user-id": who.keyId, "user-api-key": who.secret, "developer-id": "dev-ignored" });

const create = (paylink: unknown, headers: Record<string, string> = auth(), query = "") =>
  call(createRoute, { method: "POST", path: `/api/zeamster/v2/paylinks${query}`, headers, body: { paylink } });
const get = (id: string, query = "", headers: Record<string, string> = auth()) =>
  call(getRoute, { path: `/api/zeamster/v2/paylinks/${encodeURIComponent(id)}${query}`, headers, params: { id } });
const put = (id: string, paylink: unknown, headers: Record<string, string> = auth(), query = "") =>
  call(putRoute, { method: "PUT", path: `/api/zeamster/v2/paylinks/${encodeURIComponent(id)}${query}`, headers, body: { paylink }, params: { id } });
const del = (id: string, headers: Record<string, string> = auth()) =>
  call(deleteRoute, { method: "DELETE", path: `/api/zeamster/v2/paylinks/${encodeURIComponent(id)}`, headers, params: { id } });
const resend = (id: string, headers: Record<string, string> = auth()) =>
  call(resendRoute, { method: "POST", path: `/api/zeamster/v2/paylinks/${encodeURIComponent(id)}/resend`, headers, params: { id } });
const list = (query = "", headers: Record<string, string> = auth()) => call(listRoute, { path: `/api/zeamster/v2/paylinks${query}`, headers });

/** The document's create body, with an expire_date in the future. */
const FUTURE = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
const documentBody = () => ({
  location_id: "11111111-1111-1111-1111-111111111111",
  cc_product_transaction_id: "11ec9bbbc02c6176b04f35e7",
  expire_date: FUTURE,
  amount_due: 99999999.99,
  email: "jones@emailr.com",
  cell_phone: "1111111111",
  contact_id: "11ec939cccb05bf494a312a1",
  delivery_method: 3,
});

const PAYLINK_KEYS = [
  "_links",
  "ach_product_transaction_id",
  "active",
  "amount_due",
  "cc_product_transaction_id",
  "cell_phone",
  "contact_id",
  "created_ts",
  "created_user_id",
  "currency",
  "delivery_method",
  "description",
  "display_billing_fields",
  "display_product_transaction_receipt_details",
  "email",
  "expire_date",
  "id",
  "location_id",
  "modified_ts",
  "modified_user_id",
  "paylink_api_id",
  "status_id",
];

function expectValid<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data as z.output<T>;
}

type Paylink = z.output<typeof paylinkResponse>["paylink"];

/** A 200/201 `{"paylink": {...}}` with every documented field (and currency), each of its type. */
function expectPaylink(result: CallResult, status = 200): Paylink {
  expect(result.status, JSON.stringify(result.json)).toBe(status);
  expect(result.headers.get("content-type")).toContain("application/json");
  expect(Object.keys(result.json)).toEqual(["paylink"]);
  const paylink = expectValid(paylinkResponse, result.json).paylink;
  expect(paylink.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(paylink.amount_due).toMatch(/^\d{1,8}\.\d{2}$/);
  expect(paylink.created_ts).toBeGreaterThan(1_700_000_000);
  expect(String(paylink.created_ts)).toHaveLength(10);
  expect(paylink._links.self.href).toBe(`${API}/v2/paylinks/${paylink.id}`);
  if (paylink.expire_date !== null) expect(paylink.expire_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return paylink;
}

function expectError(result: CallResult, status: number, fields?: string[], message?: string | RegExp) {
  expect(result.status, JSON.stringify(result.json)).toBe(status);
  expect(result.headers.get("content-type")).toContain("application/json");
  const error = expectValid(zeamsterErrorSchema, result.json);
  expect(error.type).toBe("Error");
  expect(error.status).toBe(status);
  if (fields) expect(Object.keys(error.errors ?? {}).sort()).toEqual([...fields].sort());
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}

async function newPaylink(fields: Record<string, unknown> = {}, who: Account = shop): Promise<Paylink> {
  return expectPaylink(await create({ amount_due: 5000, ...fields }, auth(who)), 201);
}

const rowOf = (id: string) => getDb().paymentLink.findUniqueOrThrow({ where: { id } });

async function pay(id: string, outcome: "PENDING" | "SUCCESSFUL" | "FAILED") {
  const { slug } = await rowOf(id);
  const { payment } = await redeemLink({ slug, provider: "MTN_CAM", phoneNumber: "671000001" });
  if (outcome !== "PENDING") await settlePayment({ paymentId: payment.id, outcome, failureReason: "INSUFFICIENT_FUNDS", actor: "provider:test" });
  return payment;
}

/** The emails and SMS written for the shop to these addresses, oldest first. */
const outbox = (destinations: string[], merchantId = shop.scope.merchantId) =>
  getDb().outboxMessage.findMany({
    where: { merchantId, destination: { in: destinations }, channel: { in: ["EMAIL", "SMS"] } },
    orderBy: [{ createdAt: "asc" }, { channel: "asc" }],
  });

// ---- authentication -----------------------------------------------------------------------------

describe("authentication: user-id + user-api-key", () => {
  it("answers 401 in the contract's shape without both headers, or with a wrong, unknown or revoked key", async () => {
    const revoked = await createApiKey(shop.scope.merchantId);
    await revokeCredential(shop.scope, revoked.credentialId);
    const cases: Record<string, string>[] = [
      {},
      { "user-id": shop.keyId },
      { "user-api-key": shop.secret },
      { "user-id": shop.keyId, "user-api-key": `${shop.secret}x` },
      { "user-id": "pk_test_nobody", "user-api-key": shop.secret },
      { "user-id": revoked.keyId, "user-api-key": revoked.secret },
      { "x-api-key": `${shop.keyId}.${shop.secret}` },
      { "developer-id": "dev" },
    ];
    for (const headers of cases) {
      expectError(await list("", headers), 401);
      expectError(await get(randomUUID(), "", headers), 401);
    }
    const error = expectError(await create({ amount_due: 1 }, {}), 401);
    expect(error.message).toMatch(/user-id and user-api-key/);
  });

  it("reads the header names in any case and ignores developer-id, whatever it holds", async () => {
    const headers = { "USER-ID": shop.keyId, "User-Api-Key": shop.secret, "Developer-Id": "anything at all" };
    expect((await list("", headers)).status).toBe(200);
    expect((await list("", { "user-id": shop.keyId, "user-api-key": shop.secret })).status).toBe(200);
    expectPaylink(await create({ amount_due: 100 }, headers), 201);
  });

  it("answers 403 when the key lacks the payment_links scope", async () => {
    const sylius = await account("Zeamster without scope", { scopes: ["payments"] });
    expectError(await list("", auth(sylius)), 403, undefined, /payment_links/);
    expectError(await create({ amount_due: 1 }, auth(sylius)), 403);
    expectError(await get(randomUUID(), "", auth(sylius)), 403);
  });

  it("answers unserved paths and methods under /api/zeamster/ in the contract's shape", async () => {
    const unknown = answerUnserved(CONTRACTS, new Request("http://paylinks.test/api/zeamster/v2/nothing"), { unknownPath: true })!;
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: "Error", status: 404 });
    const patch = answerUnserved(CONTRACTS, new Request(`http://paylinks.test/api/zeamster/v2/paylinks/${randomUUID()}`, { method: "PATCH" }))!;
    expect(patch.status).toBe(405);
    expect(patch.headers.get("allow")).toBe("GET, PUT, DELETE");
  });
});

// ---- create -----------------------------------------------------------------------------------

describe("POST /v2/paylinks", () => {
  it("creates from the document's body in a currency with cents: 201, every documented field with its type", async () => {
    const before = Math.floor(Date.now() / 1000);
    const paylink = expectPaylink(await create({ ...documentBody(), currency: "EUR" }), 201);
    expect(Object.keys(paylink).sort()).toEqual(PAYLINK_KEYS);
    expect(paylink).toMatchObject({
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
      created_user_id: shop.keyId,
      modified_user_id: shop.keyId,
    });
    expect(paylink.created_ts).toBeGreaterThanOrEqual(before);
    expect(paylink.modified_ts).toBe(paylink.created_ts);
    const row = await rowOf(paylink.id);
    expect(row).toMatchObject({
      merchantId: shop.scope.merchantId,
      amountMinor: 9_999_999_999n,
      currency: "EUR",
      customerEmail: "jones@emailr.com",
      customerPhone: "1111111111",
      deliveryMethod: 3,
      locationId: "11111111-1111-1111-1111-111111111111",
      cardProductId: "11ec9bbbc02c6176b04f35e7",
      contactId: "11ec939cccb05bf494a312a1",
      mode: "SANDBOX",
      createdBy: `api:${shop.keyId}`,
    });
    // The paylink can be paid until the end of expire_date (UTC).
    expect(row.expiresAt!.toISOString()).toBe(new Date(Date.parse(`${FUTURE}T00:00:00Z`) + 86_400_000).toISOString());
  });

  it("puts the paylink in the merchant's default currency: XAF has no cents, so the document's 99999999.99 is a 422 naming amount_due", async () => {
    const before = await getDb().paymentLink.count({ where: { merchantId: shop.scope.merchantId } });
    const error = expectError(await create(documentBody()), 422, ["amount_due"]);
    expect(error.errors!.amount_due![0]).toMatch(/^amount_due 99999999.99 has decimals, but XAF has no minor unit/);
    expect(await getDb().paymentLink.count({ where: { merchantId: shop.scope.merchantId } })).toBe(before);

    for (const amount of [99999999, "99999999.00", "99999999"]) {
      const paylink = expectPaylink(await create({ ...documentBody(), amount_due: amount }), 201);
      expect(paylink).toMatchObject({ amount_due: "99999999.00", currency: "XAF" });
      expect((await rowOf(paylink.id)).amountMinor).toBe(99_999_999n);
    }
  });

  it("follows the merchant's default currency setting, and takes amount_due as a number or a string, exactly", async () => {
    const euro = await account("Euro shop");
    await getDb().merchant.update({ where: { id: euro.scope.merchantId }, data: { defaultCurrency: "EUR" } });
    for (const [amount, expected, minor] of [
      [10.5, "10.50", 1050n],
      ["10.5", "10.50", 1050n],
      [0.1, "0.10", 10n],
      ["0.01", "0.01", 1n],
      [1234, "1234.00", 123400n],
    ] as const) {
      const paylink = await newPaylink({ amount_due: amount }, euro);
      expect(paylink).toMatchObject({ amount_due: expected, currency: "EUR" });
      expect((await rowOf(paylink.id)).amountMinor).toBe(minor);
    }
  });

  it("emails and texts the paylink with a link that opens its pay page when it has a delivery method (outbox rows)", async () => {
    const email = `client.${randomUUID()}@example.cm`;
    const paylink = await newPaylink({ email, cell_phone: "670000001", delivery_method: 3 });
    const messages = await outbox([email, "+237670000001"]);
    expect(messages.map((m) => [m.channel, m.kind, m.destination])).toEqual([
      ["EMAIL", "email.link", email],
      ["SMS", "sms.link", "+237670000001"],
    ]);
    const row = await rowOf(paylink.id);
    for (const message of messages) {
      expect(message.merchantId).toBe(shop.scope.merchantId);
      expect(message.eventId).not.toBeNull();
      // The link in the message is the document's /paylink?id=<id> (it opens the pay page), not the short URL.
      const text = JSON.stringify(message.payload);
      expect(text).toContain(`${BASE}/paylink?id=${paylink.id}`);
      expect(text).not.toContain(`/p/${row.shortCode}`);
    }
  });

  it("infers the delivery method from the recipients when it is left out, and sends nothing without one", async () => {
    const email = `infer.${randomUUID()}@example.cm`;
    const byEmail = await newPaylink({ email });
    expect(byEmail.delivery_method).toBe(1);
    expect((await outbox([email])).map((m) => m.channel)).toEqual(["EMAIL"]);

    const bySms = await newPaylink({ cell_phone: "690000009" });
    expect(bySms.delivery_method).toBe(2);
    expect((await newPaylink({})).delivery_method).toBe(0);

    const quiet = `quiet.${randomUUID()}@example.cm`;
    const none = await newPaylink({ email: quiet, delivery_method: 0 });
    expect(none).toMatchObject({ delivery_method: 0, email: quiet });
    expect(await outbox([quiet])).toEqual([]);
  });

  it("names every bad field at once in one 422 (errors: {field: [messages]})", async () => {
    const before = await getDb().paymentLink.count({ where: { merchantId: shop.scope.merchantId } });
    const error = expectError(
      await create({
        amount_due: "1.234",
        email: "not-an-email",
        cell_phone: "12ab",
        expire_date: "2020-01-01",
        delivery_method: 7,
        location_id: "short",
        cc_product_transaction_id: "x".repeat(37),
        ach_product_transaction_id: 12,
        contact_id: "c",
        contact_api_id: "",
        paylink_api_id: "p".repeat(65),
        description: "d".repeat(501),
        active: 2,
        display_billing_fields: "yes",
        display_product_transaction_receipt_details: -1,
        currency: "euro",
        colour: "red",
      }),
      422,
      [
        "amount_due",
        "email",
        "cell_phone",
        "expire_date",
        "delivery_method",
        "location_id",
        "cc_product_transaction_id",
        "ach_product_transaction_id",
        "contact_id",
        "contact_api_id",
        "paylink_api_id",
        "description",
        "active",
        "display_billing_fields",
        "display_product_transaction_receipt_details",
        "currency",
        "colour",
      ],
      /^Invalid fields: amount_due, /,
    );
    for (const [field, messages] of Object.entries(error.errors!)) {
      expect(messages.length, field).toBeGreaterThan(0);
      expect(messages[0], field).toContain(field);
    }
    expect(await getDb().paymentLink.count({ where: { merchantId: shop.scope.merchantId } })).toBe(before);
  });

  it("requires the recipients of the delivery method: email for 1 and 3, cell_phone for 2 and 3", async () => {
    expectError(await create({ amount_due: 10, delivery_method: 3 }), 422, ["email", "cell_phone"]);
    expectError(await create({ amount_due: 10, delivery_method: 1, cell_phone: "670000001" }), 422, ["email"], "email is required when delivery_method is 1");
    expectError(await create({ amount_due: 10, delivery_method: 2, email: "a@b.cm" }), 422, ["cell_phone"]);
    expectError(await create({ amount_due: "abc", delivery_method: 2 }), 422, ["amount_due", "cell_phone"]);
  });

  it("refuses a missing or non-positive amount_due, a past expire_date, an impossible date", async () => {
    expectError(await create({ email: "a@b.cm" }), 422, ["amount_due"]);
    expectError(await create({ amount_due: 0 }), 422, ["amount_due"], "amount_due must be greater than 0");
    expectError(await create({ amount_due: -5 }), 422, ["amount_due"]);
    expectError(await create({ amount_due: 100000000 }), 422, ["amount_due"]);
    expectError(await create({ amount_due: null }), 422, ["amount_due"]);
    expectError(await create({ amount_due: 5, expire_date: "2020-01-01" }), 422, ["expire_date"], "expire_date cannot be in the past");
    expectError(await create({ amount_due: 5, expire_date: "2027-02-30" }), 422, ["expire_date"]);
    expectError(await create({ amount_due: 5, expire_date: "10/04/2027" }), 422, ["expire_date"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await newPaylink({ expire_date: today })).expire_date).toBe(today);
    expect((await newPaylink({ expire_date: null })).expire_date).toBeNull();
  });

  it("refuses a body that is not {\"paylink\": {...}}, malformed JSON and other content types", async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      call(createRoute, { method: "POST", path: "/api/zeamster/v2/paylinks", headers: { ...auth(), ...headers }, body });
    expectError(await post({ amount_due: 5 }), 422, ["paylink", "amount_due"]);
    expectError(await post({ paylink: "x" }), 422, ["paylink"]);
    expectError(await post({ paylink: [] }), 422, ["paylink"]);
    expectError(await post("{bad json", { "content-type": "application/json" }), 422, ["body"], /Malformed JSON/);
    expectError(await post("amount_due=5", { "content-type": "application/x-www-form-urlencoded" }), 422, ["body"]);
    expectError(await post(undefined), 422, ["body"]);
  });

  it("keeps the optional fields, answers contact_api_id as contact_id, and ignores read-only fields", async () => {
    const paylink = await newPaylink({
      ach_product_transaction_id: "22ec9bbbc02c6176b04f35e7",
      contact_api_id: "crm-42",
      paylink_api_id: `order-${randomUUID()}`,
      description: "Facture 2026-118",
      display_product_transaction_receipt_details: 0,
      display_billing_fields: false,
      id: "ignored",
      status_id: 1,
      created_ts: 1,
      modified_user_id: "someone",
      _links: { self: { href: "x" } },
      payment_url: "x",
    });
    expect(paylink).toMatchObject({
      ach_product_transaction_id: "22ec9bbbc02c6176b04f35e7",
      contact_id: "crm-42",
      description: "Facture 2026-118",
      display_product_transaction_receipt_details: 0,
      display_billing_fields: 0,
      status_id: 0,
      location_id: shop.scope.merchantId,
    });
    expect(paylink.id).not.toBe("ignored");
    expect(paylink.created_ts).toBeGreaterThan(1);
    expect(paylink.paylink_api_id).toMatch(/^order-/);
    expect((await newPaylink({ contact_id: "33ec939cccb05bf494a312a1", contact_api_id: "crm-1" })).contact_id).toBe("33ec939cccb05bf494a312a1");
    expect((await newPaylink({ paylink_api_id: "" })).paylink_api_id).toBeNull();
  });

  it("refuses a paylink_api_id the merchant already uses (another merchant may use it)", async () => {
    const ref = `inv-${randomUUID()}`;
    await newPaylink({ paylink_api_id: ref });
    expectError(await create({ amount_due: 5, paylink_api_id: ref }), 422, ["paylink_api_id"], /already used/);
    expect((await newPaylink({ paylink_api_id: ref }, other)).paylink_api_id).toBe(ref);
  });

  it("creates a deactivated paylink with active 0: it cannot be paid", async () => {
    const paylink = await newPaylink({ active: 0 });
    expect(paylink.active).toBe(0);
    const { slug } = await rowOf(paylink.id);
    expect(await rejection(redeemLink({ slug, provider: "MTN_CAM", phoneNumber: "671000001" }))).toMatchObject({ code: "GONE" });
  });

  it("refuses a currency it cannot write as decimal(10,2) or does not know", async () => {
    expectError(await create({ amount_due: 5, currency: "KWD" }), 422, ["currency"], /decimal\(10,2\)/);
    expectError(await create({ amount_due: 5, currency: "ZZZ" }), 422, ["currency"]);
    expect((await newPaylink({ amount_due: 5, currency: "usd" })).currency).toBe("USD");
  });

  it("replays a retry with the same Idempotency-Key, and creates LIVE paylinks with a LIVE key", async () => {
    const headers = { ...auth(), "Idempotency-Key": `zeam-${randomUUID()}` };
    const first = expectPaylink(await create({ amount_due: 700 }, headers), 201);
    const again = await create({ amount_due: 700 }, headers);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(expectPaylink(again, 201).id).toBe(first.id);

    const live = await account("Live shop", { mode: "LIVE" });
    expect((await rowOf((await newPaylink({}, live)).id)).mode).toBe("LIVE");
  });
});

// ---- read -------------------------------------------------------------------------------------

describe("GET /v2/paylinks/{id}", () => {
  it("reads a paylink by its id or by its paylink_api_id", async () => {
    const ref = `ref-${randomUUID()}`;
    const created = await newPaylink({ paylink_api_id: ref, description: "Panier" });
    const byId = expectPaylink(await get(created.id));
    expect(byId).toEqual(created);
    expect(expectPaylink(await get(ref))).toEqual(created);
  });

  it("answers 404 for an unknown, malformed or foreign id or paylink_api_id", async () => {
    const ref = `mine-${randomUUID()}`;
    const mine = await newPaylink({ paylink_api_id: ref });
    for (const id of [randomUUID(), "not-an-id", "11eca9f78d3654da9f92abd0"]) expectError(await get(id), 404, undefined, "Paylink not found");
    expectError(await get(mine.id, "", auth(other)), 404, undefined, "Paylink not found");
    expectError(await get(ref, "", auth(other)), 404);
  });

  it("shows a link made elsewhere (dashboard, other APIs) with the defaults", async () => {
    const link = await createTestLink(shop.scope, { amountMinor: 2500, currency: "XAF", description: "Dashboard" });
    const paylink = expectPaylink(await get(link.id));
    expect(paylink).toMatchObject({
      amount_due: "2500.00",
      currency: "XAF",
      location_id: shop.scope.merchantId,
      cc_product_transaction_id: null,
      ach_product_transaction_id: null,
      contact_id: null,
      paylink_api_id: null,
      email: null,
      cell_phone: null,
      delivery_method: 0,
      display_product_transaction_receipt_details: 1,
      display_billing_fields: 1,
      active: 1,
      status_id: 0,
      expire_date: null,
      created_user_id: shop.scope.actor.slice("user:".length),
    });
  });

  it("writes expire_date as the last day the link can be paid (UTC)", async () => {
    const link = await createTestLink(shop.scope, { expiresAt: new Date("2031-06-15T14:30:00Z") });
    expect(expectPaylink(await get(link.id)).expire_date).toBe("2031-06-15");
    const midnight = await createTestLink(shop.scope, { expiresAt: new Date("2031-06-16T00:00:00Z") });
    expect(expectPaylink(await get(midnight.id)).expire_date).toBe("2031-06-15");
  });

  it("says paid (status_id 1) only once the money arrived", async () => {
    const paylink = await newPaylink({ amount_due: 1500 });
    const payment = await pay(paylink.id, "PENDING");
    expect((await rowOf(paylink.id)).status).toBe("PAID");
    expect(expectPaylink(await get(paylink.id)).status_id).toBe(0);
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:test" });
    expect(expectPaylink(await get(paylink.id)).status_id).toBe(1);

    const failed = await newPaylink({ amount_due: 1500 });
    await pay(failed.id, "FAILED");
    expect(expectPaylink(await get(failed.id)).status_id).toBe(0);
  });

  it("expands every related record under its name, each in its documented shape", async () => {
    const paylink = await newPaylink({ contact_id: "11ec939cccb05bf494a312a1", email: "c@example.cm", cell_phone: "670000001", delivery_method: 0 });
    const expanded = expectPaylink(await get(paylink.id, "?expand=contact,created_user,payment_url,location,tags,email_blacklist,sms_blacklist"));
    expect(Object.keys(expanded).sort()).toEqual(
      [...PAYLINK_KEYS, "contact", "created_user", "payment_url", "location", "tags", "email_blacklist", "sms_blacklist"].sort(),
    );
    expect(expanded.contact).toEqual({
      id: "11ec939cccb05bf494a312a1",
      location_id: shop.scope.merchantId,
      contact_api_id: null,
      first_name: null,
      last_name: null,
      email: "c@example.cm",
      cell_phone: "670000001",
    });
    const key = await getDb().apiCredential.findUniqueOrThrow({ where: { keyId: shop.keyId } });
    expect(expanded.created_user).toEqual({
      id: shop.keyId,
      username: key.name,
      first_name: null,
      last_name: null,
      email: null,
      primary_location_id: shop.scope.merchantId,
      api_only: true,
      created_ts: Math.floor(key.createdAt.getTime() / 1000),
    });
    expect(expanded.payment_url).toBe(`${BASE}/paylink?id=${paylink.id}`);
    expect(expanded.location).toMatchObject({ id: shop.scope.merchantId, name: "Boutique Akwa", location_api_id: null });
    expect(expanded.tags).toEqual([]);
    expect(expanded.email_blacklist).toBeNull();
    expect(expanded.sms_blacklist).toBeNull();

    // payment_url opens the pay page of this paylink.
    const opened = await paylinkPageRoute(new Request(expanded.payment_url!));
    expect(opened.status).toBe(307);
    expect(opened.headers.get("location")).toBe(`/pay/${(await rowOf(paylink.id)).slug}`);

    // Only what is asked for; a paylink without a contact expands it to null.
    const bare = await newPaylink({});
    const some = expectPaylink(await get(bare.id, "?expand=contact,payment_url"));
    expect(Object.keys(some).sort()).toEqual([...PAYLINK_KEYS, "contact", "payment_url"].sort());
    expect(some.contact).toBeNull();
  });

  it("expands created_user to the dashboard user who created the link, or null for demo data", async () => {
    const email = `owner.${randomUUID()}@example.cm`;
    const user = await signUp({ businessName: "Expand shop", email, password: "expand-password-1" });
    const key = await createApiKey(user.merchantId);
    const headers = { "user-id": key.keyId, "user-api-key": key.secret };
    const link = await createTestLink({ merchantId: user.merchantId, actor: `user:${user.userId}` });
    const paylink = expectPaylink(await get(link.id, "?expand=created_user", headers));
    expect(paylink.created_user).toMatchObject({ id: user.userId, username: email, email, api_only: false, primary_location_id: user.merchantId });
    expect(paylink.created_user_id).toBe(user.userId);

    const seeded = await createTestLink({ merchantId: user.merchantId, actor: "system:seed" });
    const fromSeed = expectPaylink(await get(seeded.id, "?expand=created_user", headers));
    expect(fromSeed).toMatchObject({ created_user: null, created_user_id: "system:seed", modified_user_id: "system:seed" });
  });

  it("refuses an unknown expand name or query parameter, naming it", async () => {
    const paylink = await newPaylink({});
    expectError(await get(paylink.id, "?expand=contact,invoices"), 422, ["expand"], /invoices/);
    expectError(await get(paylink.id, "?colour=red"), 422, ["colour"]);
  });
});

// ---- update -----------------------------------------------------------------------------------

describe("PUT /v2/paylinks/{id}", () => {
  it("changes only what is sent, as in the document's example, and records who changed it", async () => {
    const created = await newPaylink({ ...documentBody(), currency: "EUR", delivery_method: 0 });
    const editor = await createApiKey(shop.scope.merchantId);
    await getDb().paymentLink.update({ where: { id: created.id }, data: { updatedAt: new Date(Date.now() - 5000) } });
    const updated = expectPaylink(await put(created.id, { email: "newmail@mailer.com" }, { "user-id": editor.keyId, "user-api-key": editor.secret }));
    expect(updated).toEqual({
      ...created,
      email: "newmail@mailer.com",
      modified_ts: updated.modified_ts,
      modified_user_id: editor.keyId,
    });
    expect(updated.modified_ts).toBeGreaterThanOrEqual(created.modified_ts);
    expect(updated.created_user_id).toBe(shop.keyId);
    const event = await getDb().event.findFirstOrThrow({ where: { linkId: created.id, type: "link.updated" } });
    expect(event).toMatchObject({ actor: `api:${editor.keyId}`, data: { changes: { customer_email: { from: "jones@emailr.com", to: "newmail@mailer.com" } } } });
    // Filters read the same editor.
    expect((await list(`?modified_user_id=${editor.keyId}`)).json.paylinks.map((p: Paylink) => p.id)).toEqual([created.id]);
  });

  it("changes every writable field, clears with null, and takes the paylink_api_id in the path", async () => {
    const ref = `put-${randomUUID()}`;
    const paylink = await newPaylink({ paylink_api_id: ref, description: "Old", email: "x@example.cm", delivery_method: 0 });
    const newRef = `put2-${randomUUID()}`;
    const next = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const updated = expectPaylink(
      await put(ref, {
        amount_due: "7500",
        description: null,
        email: null,
        cell_phone: "690000001",
        delivery_method: 2,
        expire_date: next,
        location_id: "44444444-4444-4444-4444-444444444444",
        cc_product_transaction_id: "55ec9bbbc02c6176b04f35e7",
        ach_product_transaction_id: "66ec9bbbc02c6176b04f35e7",
        contact_api_id: "crm-7",
        paylink_api_id: newRef,
        display_product_transaction_receipt_details: 0,
        display_billing_fields: 0,
      }),
    );
    expect(updated).toMatchObject({
      id: paylink.id,
      amount_due: "7500.00",
      description: null,
      email: null,
      cell_phone: "690000001",
      delivery_method: 2,
      expire_date: next,
      location_id: "44444444-4444-4444-4444-444444444444",
      cc_product_transaction_id: "55ec9bbbc02c6176b04f35e7",
      ach_product_transaction_id: "66ec9bbbc02c6176b04f35e7",
      contact_id: "crm-7",
      paylink_api_id: newRef,
      display_product_transaction_receipt_details: 0,
      display_billing_fields: 0,
    });
    expectError(await get(ref), 404);
    expect(expectPaylink(await get(newRef)).id).toBe(paylink.id);
    expect(expectPaylink(await put(paylink.id, { expire_date: null })).expire_date).toBeNull();
  });

  it("takes back what a GET answered, unchanged (read-only fields ignored), even the expire_date of an expired paylink", async () => {
    const paylink = await newPaylink({ description: "Round trip", expire_date: FUTURE });
    const read = expectPaylink(await get(paylink.id, "?expand=payment_url,tags"));
    expect(expectPaylink(await put(paylink.id, read))).toEqual(paylink);

    await expire(paylink.id);
    const expired = expectPaylink(await get(paylink.id));
    expect(expectPaylink(await put(paylink.id, expired)).expire_date).toBe(expired.expire_date);
    expectError(await put(paylink.id, { expire_date: "2020-05-05" }), 422, ["expire_date"], "expire_date cannot be in the past");
  });

  it("deactivates with active 0 and reactivates with active 1", async () => {
    const paylink = await newPaylink({});
    expect(expectPaylink(await put(paylink.id, { active: 0 })).active).toBe(0);
    expect((await rowOf(paylink.id)).deactivatedAt).not.toBeNull();
    expect(expectPaylink(await put(paylink.id, { active: "1" })).active).toBe(1);
    expect((await rowOf(paylink.id)).deactivatedAt).toBeNull();
  });

  it("is refused once the paylink is paid or closed (cancelled): 422, nothing changes", async () => {
    const paid = await newPaylink({ amount_due: 300 });
    await pay(paid.id, "SUCCESSFUL");
    expectError(await put(paid.id, { email: "late@example.cm" }), 422, undefined, "Cannot update a paid or cancelled paylink");
    expectError(await put(paid.id, { active: 0 }), 422);
    expect((await rowOf(paid.id)).customerEmail).toBeNull();

    const cancelled = await newPaylink({});
    await cancelLink(shop.scope, cancelled.id);
    expectError(await put(cancelled.id, { description: "no" }), 422, undefined, /paid or cancelled/);
  });

  it("names every bad field at once, keeps the delivery method's recipient, refuses a currency change", async () => {
    const paylink = await newPaylink({ email: "keep@example.cm", delivery_method: 1 });
    expectError(await put(paylink.id, { email: "nope", amount_due: "x", delivery_method: 9, extra: 1 }), 422, ["email", "amount_due", "delivery_method", "extra"]);
    expectError(await put(paylink.id, { email: null }), 422, ["email"], "email is required when delivery_method is 1");
    expectError(await put(paylink.id, { delivery_method: 3 }), 422, ["cell_phone"]);
    expectError(await put(paylink.id, { currency: "EUR" }), 422, ["currency"], /cannot change/);
    expectError(await put(paylink.id, { amount_due: "10.50" }), 422, ["amount_due"], /XAF has no minor unit/);
    expectPaylink(await put(paylink.id, { currency: "XAF", amount_due: 10 }));
  });

  it("refuses a paylink_api_id another paylink of the merchant has", async () => {
    const ref = `taken-${randomUUID()}`;
    await newPaylink({ paylink_api_id: ref });
    const paylink = await newPaylink({});
    expectError(await put(paylink.id, { paylink_api_id: ref }), 422, ["paylink_api_id"]);
  });

  it("answers 404 for a foreign, unknown or deleted paylink", async () => {
    const paylink = await newPaylink({});
    expectError(await put(paylink.id, { description: "x" }, auth(other)), 404);
    expectError(await put(randomUUID(), { description: "x" }), 404);
    expect((await del(paylink.id)).status).toBe(204);
    expectError(await put(paylink.id, { description: "x" }), 404);
  });
});

// ---- delete -----------------------------------------------------------------------------------

describe("DELETE /v2/paylinks/{id}", () => {
  it("answers 204 with no body; the paylink disappears from the API and cannot be paid; its payments stay", async () => {
    const ref = `del-${randomUUID()}`;
    const paylink = await newPaylink({ paylink_api_id: ref, amount_due: 900 });
    const failed = await pay(paylink.id, "FAILED");
    const result = await del(ref);
    expect(result.status).toBe(204);
    expect(result.json).toBeUndefined();
    expect(result.headers.get("content-type")).toBeNull();

    expectError(await get(paylink.id), 404);
    expectError(await get(ref), 404);
    expectError(await del(paylink.id), 404);
    expectError(await resend(paylink.id), 404);
    expect((await list(`?id=${paylink.id}`)).json.paylinks).toEqual([]);
    expect((await list(`?paylink_api_id=${ref}`)).json.meta.pagination.totalCount).toBe(0);

    const row = await rowOf(paylink.id);
    expect(row.deletedAt).not.toBeNull();
    expect(row.status).toBe("CANCELLED");
    expect(await getDb().payment.findUnique({ where: { id: failed.id } })).toMatchObject({ status: "FAILED", linkId: paylink.id });
    expect(await rejection(redeemLink({ slug: row.slug, provider: "MTN_CAM", phoneNumber: "671000001" }))).toMatchObject({ code: "GONE" });
    // Its paylink_api_id stays taken.
    expectError(await create({ amount_due: 5, paylink_api_id: ref }), 422, ["paylink_api_id"]);
  });

  it("deletes a paid paylink and keeps its successful payment in the history", async () => {
    const paylink = await newPaylink({ amount_due: 1200 });
    const payment = await pay(paylink.id, "SUCCESSFUL");
    expect((await del(paylink.id)).status).toBe(204);
    expect(await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "SUCCESSFUL" });
    expect(await rowOf(paylink.id)).toMatchObject({ status: "PAID" });
  });

  it("keeps a paylink deleted while its payment is pending from being paid again when that payment fails", async () => {
    const paylink = await newPaylink({ amount_due: 1200 });
    const payment = await pay(paylink.id, "PENDING");
    expect((await del(paylink.id)).status).toBe(204);
    await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "PAYER_REJECTED", actor: "provider:test" });
    const { slug } = await rowOf(paylink.id);
    expect(await rejection(redeemLink({ slug, provider: "MTN_CAM", phoneNumber: "671000001" }))).toMatchObject({ code: "GONE" });
  });

  it("answers 404 for another merchant's paylink and leaves it alone", async () => {
    const paylink = await newPaylink({});
    expectError(await del(paylink.id, auth(other)), 404);
    expect((await rowOf(paylink.id)).deletedAt).toBeNull();
  });
});

// ---- resend -----------------------------------------------------------------------------------

describe("POST /v2/paylinks/{id}/resend", () => {
  it("answers 204 with no body and writes the email and SMS to the outbox again", async () => {
    const email = `resend.${randomUUID()}@example.cm`;
    const ref = `rs-${randomUUID()}`;
    const paylink = await newPaylink({ email, cell_phone: "670000002", delivery_method: 3, paylink_api_id: ref });
    const destinations = [email, "+237670000002"];
    expect(await outbox(destinations)).toHaveLength(2);
    const result = await resend(paylink.id);
    expect(result.status).toBe(204);
    expect(result.json).toBeUndefined();
    expect((await resend(ref)).status).toBe(204);
    const messages = await outbox(destinations);
    expect(messages.map((m) => m.channel)).toEqual(["EMAIL", "SMS", "EMAIL", "SMS", "EMAIL", "SMS"]);
    expect(new Set(messages.map((m) => JSON.stringify(m.payload))).size).toBe(2);
  });

  it("sends by the delivery method only: email for 1", async () => {
    const email = `one.${randomUUID()}@example.cm`;
    const paylink = await newPaylink({ email, cell_phone: "670000003", delivery_method: 1 });
    expect((await resend(paylink.id)).status).toBe(204);
    expect((await outbox([email, "+237670000003"])).map((m) => m.channel)).toEqual(["EMAIL", "EMAIL"]);
  });

  it("answers 422 with nothing to send or a paylink that cannot be paid, 404 for a foreign one", async () => {
    expectError(await resend((await newPaylink({})).id), 422, undefined, /nothing to send/);
    const paid = await newPaylink({ email: `paid.${randomUUID()}@example.cm` });
    await pay(paid.id, "SUCCESSFUL");
    expectError(await resend(paid.id), 422);
    const inactive = await newPaylink({ email: `off.${randomUUID()}@example.cm`, active: 0 });
    expectError(await resend(inactive.id), 422, undefined, /deactivated/);
    expectError(await resend(paid.id, auth(other)), 404);
    expectError(await resend(randomUUID()), 404);
  });
});

// ---- list -------------------------------------------------------------------------------------

describe("GET /v2/paylinks", () => {
  let seller: Account;
  const ids: Record<string, string> = {};
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 8, 0, seconds));

  beforeAll(async () => {
    seller = await account("List shop");
    const make = async (name: string, fields: Record<string, unknown>, createdAt: Date) => {
      const paylink = await newPaylink(fields, seller);
      await getDb().paymentLink.update({ where: { id: paylink.id }, data: { createdAt, updatedAt: createdAt } });
      ids[name] = paylink.id;
    };
    await make("a", { amount_due: 1000, email: "Alpha@Example.cm", description: "alpha", paylink_api_id: "A-1", expire_date: "2031-01-10" }, at(1));
    await make("b", { amount_due: 2000, cell_phone: "670000011", contact_id: "11ec939cccb05bf494a312a1", location_id: "11111111-1111-1111-1111-111111111111" }, at(2));
    await make(
      "c",
      { amount_due: 3000, cc_product_transaction_id: "11ec9bbbc02c6176b04f35e7", ach_product_transaction_id: "22ec9bbbc02c6176b04f35e7", display_billing_fields: 0, display_product_transaction_receipt_details: 0 },
      at(3),
    );
    await make("d", { amount_due: 4000, active: 0 }, at(4));
    await make("e", { amount_due: 10.5, currency: "EUR" }, at(5));
    await pay(ids.c!, "SUCCESSFUL");
    await getDb().paymentLink.update({ where: { id: ids.c! }, data: { updatedAt: at(30) } });
  });

  const listOf = async (query: string) => {
    const result = await list(query, auth(seller));
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    return expectValid(paylinksResponse, result.json);
  };
  const idsOf = async (query: string) => (await listOf(query)).paylinks.map((p) => Object.entries(ids).find(([, id]) => id === p.id)?.[0] ?? p.id);

  it("lists newest first by default, with the document's meta", async () => {
    const page = await listOf("");
    expect(Object.keys(page)).toEqual(["paylinks", "meta"]);
    expect(page.paylinks.map((p) => p.id)).toEqual(["e", "d", "c", "b", "a"].map((n) => ids[n]));
    for (const paylink of page.paylinks) expect(Object.keys(paylink).sort()).toEqual(PAYLINK_KEYS);
    expect(page.meta.sort).toEqual({ attributes: { created_ts: "desc" } });
    expect(page.meta.pagination).toMatchObject({ totalCount: 5, pageCount: 1, currentPage: 0, perPage: 20 });
  });

  it("paginates as the document shows: page_size, page, links, totalCount, pageCount, zero-based currentPage, perPage", async () => {
    const first = await listOf("?page_size=2&page=1");
    const href = (page: number) => `${API}/v2/paylinks?page_size=2&page=${page}`;
    expect(first.paylinks.map((p) => p.id)).toEqual([ids.e, ids.d]);
    expect(first.meta.pagination).toEqual({
      links: { self: { href: href(1) }, first: { href: href(1) }, next: { href: href(2) }, last: { href: href(3) } },
      totalCount: 5,
      pageCount: 3,
      currentPage: 0,
      perPage: 2,
    });
    const last = await listOf("?page_size=2&page=3");
    expect(last.paylinks.map((p) => p.id)).toEqual([ids.a]);
    expect(last.meta.pagination.links).toEqual({ self: { href: href(3) }, first: { href: href(1) }, prev: { href: href(2) }, last: { href: href(3) } });
    expect(last.meta.pagination.currentPage).toBe(2);
    const beyond = await listOf("?page_size=2&page=9");
    expect(beyond.paylinks).toEqual([]);
    expect(beyond.meta.pagination.totalCount).toBe(5);
  });

  it("keeps the filters, sort and expand in the pagination links", async () => {
    const page = await listOf("?status_id=0&sort=amount_due&expand=tags&page_size=1");
    expect(page.meta.pagination.links.next!.href).toBe(`${API}/v2/paylinks?status_id=0&sort=amount_due&expand=tags&page_size=1&page=2`);
    expect(page.paylinks[0]!.tags).toEqual([]);
  });

  it("filters by every documented field", async () => {
    const cases: [string, string[]][] = [
      [`?id=${ids.b}`, ["b"]],
      ["?id=not-a-uuid", []],
      ["?paylink_api_id=A-1", ["a"]],
      ["?email=alpha@example.cm", ["a"]],
      ["?cell_phone=670000011", ["b"]],
      ["?contact_id=11ec939cccb05bf494a312a1", ["b"]],
      ["?contact_api_id=11ec939cccb05bf494a312a1", ["b"]],
      ["?location_id=11111111-1111-1111-1111-111111111111", ["b"]],
      [`?location_id=${seller.scope.merchantId}`, ["e", "d", "c", "a"]],
      ["?cc_product_transaction_id=11ec9bbbc02c6176b04f35e7", ["c"]],
      ["?ach_product_transaction_id=22ec9bbbc02c6176b04f35e7", ["c"]],
      ["?description=alpha", ["a"]],
      ["?amount_due=2000", ["b"]],
      ["?amount_due=2000.00", ["b"]],
      ["?amount_due=10.50", ["e"]],
      ["?amount_due=10.5", ["e"]],
      ["?currency=eur", ["e"]],
      ["?expire_date=2031-01-10", ["a"]],
      ["?status_id=1", ["c"]],
      ["?status_id=0", ["e", "d", "b", "a"]],
      ["?active=0", ["d"]],
      ["?active=1&status_id=0", ["e", "b", "a"]],
      ["?delivery_method=1", ["a"]],
      ["?delivery_method=2", ["b"]],
      ["?display_billing_fields=0", ["c"]],
      ["?display_product_transaction_receipt_details=0", ["c"]],
      [`?created_ts=${Math.floor(at(2).getTime() / 1000)}`, ["b"]],
      [`?modified_ts=${Math.floor(at(30).getTime() / 1000)}`, ["c"]],
      [`?created_user_id=${seller.keyId}`, ["e", "d", "c", "b", "a"]],
      [`?modified_user_id=${seller.keyId}`, ["e", "d", "c", "b", "a"]],
      [`?created_user_id=${shop.keyId}`, []],
      ["?email=", ["e", "d", "c", "b", "a"]],
    ];
    for (const [query, expected] of cases) expect(await idsOf(query), query).toEqual(expected);
  });

  it("sorts by a field, - for descending, several comma-separated, and says so in meta.sort", async () => {
    expect(await idsOf("?sort=created_ts")).toEqual(["a", "b", "c", "d", "e"]);
    expect(await idsOf("?sort=-created_ts")).toEqual(["e", "d", "c", "b", "a"]);
    expect(await idsOf("?sort=-amount_due")).toEqual(["d", "c", "b", "e", "a"]);
    expect(await idsOf("?sort=-modified_ts")).toEqual(["c", "e", "d", "b", "a"]);
    const page = await listOf("?sort=delivery_method,-amount_due");
    expect(page.paylinks.map((p) => p.delivery_method)).toEqual([0, 0, 0, 1, 2]);
    expect(page.meta.sort).toEqual({ attributes: { delivery_method: "asc", amount_due: "desc" } });
  });

  it("expands on every listed paylink", async () => {
    const page = await listOf("?expand=payment_url,created_user,location&page_size=2");
    for (const paylink of page.paylinks) {
      expect(paylink.payment_url).toBe(`${BASE}/paylink?id=${paylink.id}`);
      expect(paylink.created_user).toMatchObject({ id: seller.keyId, api_only: true });
      expect(paylink.location).toMatchObject({ name: "List shop" });
    }
  });

  it("reads at most 100 per page, and names every bad parameter at once", async () => {
    expect((await listOf("?page_size=1000")).meta.pagination.perPage).toBe(100);
    const bad = await list("?page=0&page_size=x&sort=colour&status_id=2&created_ts=yesterday&expire_date=2031-02-30&expand=nope&colour=red", auth(seller));
    expectError(bad, 422, ["page", "page_size", "sort", "status_id", "created_ts", "expire_date", "expand", "colour"]);
  });

  it("never lists another merchant's paylinks or deleted ones", async () => {
    const mine = await listOf("?page_size=100");
    expect(mine.paylinks.every((p) => Object.values(ids).includes(p.id))).toBe(true);
    const gone = await newPaylink({}, seller);
    expect((await listOf("")).meta.pagination.totalCount).toBe(6);
    expect((await del(gone.id, auth(seller))).status).toBe(204);
    expect((await listOf("")).meta.pagination.totalCount).toBe(5);
    const others = await list("?page_size=100", auth(other));
    expect(others.json.paylinks.some((p: Paylink) => Object.values(ids).includes(p.id))).toBe(false);
  });
});

// ---- the OpenAPI document -----------------------------------------------------------------------

describe("the OpenAPI document", () => {
  it("describes every Zeamster operation with its decisions", () => {
    const document = openApiDocument();
    expect(Object.keys(document.paths["/api/zeamster/v2/paylinks"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.paths["/api/zeamster/v2/paylinks/{id}"]!).sort()).toEqual(["delete", "get", "put"]);
    expect(Object.keys(document.paths["/api/zeamster/v2/paylinks/{id}/resend"]!)).toEqual(["post"]);
    const description = String(document.paths["/api/zeamster/v2/paylinks"]!.post!.description);
    expect(description).toMatch(/merchant's default currency/);
    expect(description).toMatch(/UUID/);
    const tag = document.tags.find((t) => t.name === "Zeamster paylinks")!;
    expect(tag.description).toMatch(/user-id/);
  });
});

// ---- email over a real SMTP server --------------------------------------------------------------

describe("the paylink's email, received by a real SMTP server", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const savedSmtp = process.env.SMTP_URL;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = `smtp://${SMTP_TEST_USER}:${encodeURIComponent(SMTP_TEST_PASSWORD)}@127.0.0.1:${smtp.port}`;
  });

  afterAll(async () => {
    closeEmailTransport();
    await smtp.close();
    if (savedSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtp;
  });

  it("arrives on create with the /paylink?id= URL, and again on resend", async () => {
    const seller = await account("Quincaillerie Bonapriso");
    const email = `smtp.${randomUUID()}@example.cm`;
    const paylink = await newPaylink({ email, delivery_method: 1, amount_due: 2500, description: "Ciment 2 sacs" }, seller);
    const url = `${BASE}/paylink?id=${paylink.id}`;

    expect(await deliverDueMessages({ merchantId: seller.scope.merchantId })).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    expect(smtp.received.map((mail) => mail.to)).toEqual([[email]]);
    const first = parseEmail(smtp.received[0]!.raw);
    expect(first.text).toContain(url);
    expect(first.html).toContain(`href="${url}"`);
    expect(first.text).toContain("Ciment 2 sacs");

    expect((await resend(paylink.id, auth(seller))).status).toBe(204);
    expect(await deliverDueMessages({ merchantId: seller.scope.merchantId })).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received.map((mail) => mail.to)).toEqual([[email], [email]]);
    const second = parseEmail(smtp.received[1]!.raw);
    expect(second.subject).toBe(first.subject);
    expect(second.text).toContain(url);
  });
});
