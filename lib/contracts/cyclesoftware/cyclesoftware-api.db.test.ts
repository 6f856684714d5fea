/**
 * The CycleSoftware contract over its route handlers: both endpoints, every GET parameter and
 * its refusals, HTTP Basic and the e-commerce scope, every documented field and its type, the
 * reuse of an open link, fully paid orders, tenant isolation, the X-RateLimit-* headers and
 * 429s, and the QR code read back and followed to the pay page.
 */
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as invoiceRoute } from "@/app/api/v1/payments/invoice/[id]/payment-link.json/route";
import { GET as orderRoute } from "@/app/api/v1/payments/order/[id]/payment-link.json/route";
import { GET as shortUrlRoute } from "@/app/p/[code]/route";
import { openApiDocument } from "@/lib/contracts/openapi";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { OrderView } from "@/lib/domain/orders/types";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { createOrderLink } from "@/lib/services/orders/create-order-link";
import { recordPaymentElsewhere } from "@/lib/services/orders/record-payment-elsewhere";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestOrder } from "@/lib/testing/factories";
import { call, createApiKey, testIp, type CallResult } from "@/lib/testing/http";
import { paymentLinkData, paymentLinkResponse } from "./schemas";

const DATA_KEYS = [
  "already_payed_cents",
  "dynamic_payment_amount",
  "payment_link_amount_cents",
  "payment_url",
  "qr_code",
  "sales_order_id",
  "sales_transaction_number",
  "total_amount_cents",
];
const RATE_HEADERS = [
  "x-ratelimit-minutely-limit",
  "x-ratelimit-minutely-remaining",
  "x-ratelimit-daily-limit",
  "x-ratelimit-daily-remaining",
  "x-ratelimit-daily-reset",
];

let scope: MerchantScope;
let other: MerchantScope;
let auth: string;
let otherAuth: string;

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

async function ecommerceKey(merchantId: string, mode: "SANDBOX" | "LIVE" = "SANDBOX", scopes = ["e-commerce"]) {
  const key = await createApiKey(merchantId, mode, scopes);
  return { ...key, authorization: basic(key.keyId, key.secret) };
}

beforeAll(async () => {
  scope = await createMerchant("CycleSoftware test");
  other = await createMerchant("CycleSoftware other");
  auth = (await ecommerceKey(scope.merchantId)).authorization;
  otherAuth = (await ecommerceKey(other.merchantId)).authorization;
});

afterEach(() => {
  delete process.env.CYCLESOFTWARE_RATE_LIMIT_PER_MINUTE;
  delete process.env.CYCLESOFTWARE_RATE_LIMIT_PER_DAY;
});

type Kind = "order" | "invoice";

function get(kind: Kind, id: string | number, query = "", headers: Record<string, string> = { authorization: auth }): Promise<CallResult> {
  const handler = kind === "order" ? orderRoute : invoiceRoute;
  return call(handler, { path: `/api/v1/payments/${kind}/${encodeURIComponent(String(id))}/payment-link.json${query}`, headers, params: { id: String(id) } });
}

/** A documented success: the envelope, exactly the documented keys, each of its type. */
function expectLink(result: CallResult) {
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  expect(result.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(Object.keys(result.json).sort()).toEqual(["data", "error", "error_message"]);
  expect(Object.keys(result.json.data).sort()).toEqual(DATA_KEYS);
  const parsed = paymentLinkResponse.safeParse(result.json);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expectRateHeaders(result);
  return parsed.data!.data;
}

function expectError(result: CallResult, status: number, message: string | RegExp) {
  expect(result.status).toBe(status);
  expect(result.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(Object.keys(result.json).sort()).toEqual(["error", "error_message"]);
  expect(result.json.error).toBe(true);
  if (typeof message === "string") expect(result.json.error_message).toBe(message);
  else expect(result.json.error_message).toMatch(message);
  expectRateHeaders(result);
}

function expectRateHeaders(result: CallResult) {
  for (const name of RATE_HEADERS) expect(result.headers.get(name), name).toMatch(/^\d+$/);
}

const storedLink = (paymentUrl: string) => getDb().paymentLink.findFirstOrThrow({ where: { shortCode: paymentUrl.split("/p/")[1]! } });

/** Pays the whole unpaid rest of an order through one of its links (redeem, then the provider's success). */
async function payInFull(order: OrderView) {
  const { link } = await createOrderLink(scope, order.id, { kind: "rest", mode: "SANDBOX" });
  const { payment } = await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
  await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "test" });
}

describe("GET /api/v1/payments/order/:id/payment-link.json", () => {
  it("answers every documented field with its type: a link for the unpaid rest by default", async () => {
    const order = await createTestOrder(scope, { totalMinor: 250000, currency: "EUR" });
    await recordPaymentElsewhere(scope, order.id, 10000);
    const data = expectLink(await get("order", order.number));
    expect(data).toMatchObject({
      sales_order_id: order.number,
      sales_transaction_number: null,
      total_amount_cents: 250000,
      already_payed_cents: 10000,
      payment_link_amount_cents: 240000,
      dynamic_payment_amount: false,
    });
    expect(data.payment_url).toMatch(/^http:\/\/paylinks\.test\/p\/[A-Za-z0-9_-]+$/);
    expect(data.qr_code).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const link = await storedLink(data.payment_url);
    expect(link).toMatchObject({ merchantId: scope.merchantId, orderId: order.id, amountMinor: 240000n, currency: "EUR", dynamicAmount: false, mode: "SANDBOX" });
  });

  it("makes an advance payment link of payment_amount_cents (the document's example)", async () => {
    const order = await createTestOrder(scope, { totalMinor: 250000, currency: "EUR" });
    await recordPaymentElsewhere(scope, order.id, 10000);
    const data = expectLink(await get("order", order.number, "?payment_amount_cents=10000"));
    expect(data).toMatchObject({ sales_order_id: order.number, total_amount_cents: 250000, already_payed_cents: 10000, payment_link_amount_cents: 10000, dynamic_payment_amount: false });
    // the whole rest is a valid advance too, and a leading + is an integer
    expect(expectLink(await get("order", order.number, "?payment_amount_cents=240000")).payment_link_amount_cents).toBe(240000);
    expect(expectLink(await get("order", order.number, "?payment_amount_cents=%2B500")).payment_link_amount_cents).toBe(500);
  });

  it.each(["true", "1", "TRUE", "True"])("makes a dynamic link with dynamic_payment_amount=%s: its amount is the unpaid rest now", async (value) => {
    const order = await createTestOrder(scope, { totalMinor: 80000 });
    await recordPaymentElsewhere(scope, order.id, 30000);
    const data = expectLink(await get("order", order.number, `?dynamic_payment_amount=${value}`));
    expect(data).toMatchObject({ dynamic_payment_amount: true, payment_link_amount_cents: 50000, already_payed_cents: 30000, total_amount_cents: 80000 });
    expect((await storedLink(data.payment_url)).dynamicAmount).toBe(true);

    // the same dynamic link follows the order: after another payment elsewhere, it asks for less
    await recordPaymentElsewhere(scope, order.id, 20000);
    const later = expectLink(await get("order", order.number, `?dynamic_payment_amount=${value}`));
    expect(later).toMatchObject({ payment_url: data.payment_url, dynamic_payment_amount: true, payment_link_amount_cents: 30000, already_payed_cents: 50000 });
  });

  it.each(["false", "0", "FALSE"])("makes a fixed link for the rest with dynamic_payment_amount=%s", async (value) => {
    const order = await createTestOrder(scope, { totalMinor: 70000 });
    const data = expectLink(await get("order", order.number, `?dynamic_payment_amount=${value}`));
    expect(data).toMatchObject({ dynamic_payment_amount: false, payment_link_amount_cents: 70000 });
    // false is the default: the same link as without the parameter
    expect(expectLink(await get("order", order.number)).payment_url).toBe(data.payment_url);
  });

  it("ignores dynamic_payment_amount when payment_amount_cents is given, as documented", async () => {
    const order = await createTestOrder(scope, { totalMinor: 70000 });
    const data = expectLink(await get("order", order.number, "?payment_amount_cents=2500&dynamic_payment_amount=true"));
    expect(data).toMatchObject({ dynamic_payment_amount: false, payment_link_amount_cents: 2500 });
    expect(expectLink(await get("order", order.number, "?payment_amount_cents=2500&dynamic_payment_amount=0")).payment_url).toBe(data.payment_url);
    // ignored, but still a parameter of this endpoint: a malformed value is refused
    expectError(await get("order", order.number, "?payment_amount_cents=2500&dynamic_payment_amount=maybe"), 400, "dynamic_payment_amount must be true or false (or 1 or 0)");
  });

  it("ignores query parameters the document does not name", async () => {
    const order = await createTestOrder(scope, { totalMinor: 70000 });
    const data = expectLink(await get("order", order.number, "?foo=bar&amount=5&sorting[x]=ASC&payment_amount=1"));
    expect(data).toMatchObject({ payment_link_amount_cents: 70000, dynamic_payment_amount: false });
  });

  it("hands out the same open link for the same parameters, and another for other parameters", async () => {
    const order = await createTestOrder(scope, { totalMinor: 90000 });
    const first = expectLink(await get("order", order.number, "?payment_amount_cents=1000"));
    const again = expectLink(await get("order", order.number, "?payment_amount_cents=1000"));
    expect(again.payment_url).toBe(first.payment_url);
    expect(again.qr_code).toBe(first.qr_code);
    const otherAmount = expectLink(await get("order", order.number, "?payment_amount_cents=1001"));
    const rest = expectLink(await get("order", order.number));
    const dynamic = expectLink(await get("order", order.number, "?dynamic_payment_amount=true"));
    expect(new Set([first.payment_url, otherAmount.payment_url, rest.payment_url, dynamic.payment_url]).size).toBe(4);
    expect(await getDb().paymentLink.count({ where: { orderId: order.id } })).toBe(4);

    // a link that is taken (redeemed) is not handed out again
    const link = await storedLink(first.payment_url);
    await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    const afterRedeem = expectLink(await get("order", order.number, "?payment_amount_cents=1000"));
    expect(afterRedeem.payment_url).not.toBe(first.payment_url);
    // the pending 1000 is held: the rest is 89000 and nothing is paid yet
    expect(afterRedeem).toMatchObject({ already_payed_cents: 0, total_amount_cents: 90000 });
    expect(expectLink(await get("order", order.number, "?dynamic_payment_amount=1")).payment_link_amount_cents).toBe(89000);
  });

  it("makes LIVE links with a LIVE key and SANDBOX links with a SANDBOX key", async () => {
    const order = await createTestOrder(scope, { totalMinor: 5000 });
    const live = await ecommerceKey(scope.merchantId, "LIVE");
    const liveData = expectLink(await get("order", order.number, "", { authorization: live.authorization }));
    const sandboxData = expectLink(await get("order", order.number));
    expect((await storedLink(liveData.payment_url)).mode).toBe("LIVE");
    expect((await storedLink(sandboxData.payment_url)).mode).toBe("SANDBOX");
    expect(liveData.payment_url).not.toBe(sandboxData.payment_url);
  });

  it.each([
    ["abc", "payment_amount_cents must be an integer number of cents"],
    ["1.5", "payment_amount_cents must be an integer number of cents"],
    ["1e3", "payment_amount_cents must be an integer number of cents"],
    ["", "payment_amount_cents must be an integer number of cents"],
    ["%201", "payment_amount_cents must be an integer number of cents"],
    ["0x10", "payment_amount_cents must be an integer number of cents"],
    ["0", "payment_amount_cents must be at least 1"],
    ["-5", "payment_amount_cents must be at least 1"],
    ["60001", "payment_amount_cents must be at most 60000 (the unpaid rest)"],
    ["99999999999999999999", "payment_amount_cents is too large"],
  ])("refuses payment_amount_cents=%s with a 400 naming it", async (value, message) => {
    const order = await createTestOrder(scope, { totalMinor: 60000 });
    expectError(await get("order", order.number, `?payment_amount_cents=${value}`), 400, message);
    expect(await getDb().paymentLink.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("refuses an advance above what is left after a payment elsewhere, naming the limit", async () => {
    const order = await createTestOrder(scope, { totalMinor: 60000 });
    await recordPaymentElsewhere(scope, order.id, 59000);
    expectError(await get("order", order.number, "?payment_amount_cents=1001"), 400, "payment_amount_cents must be at most 1000 (the unpaid rest)");
  });

  it("refuses a nested payment_amount_cents", async () => {
    const order = await createTestOrder(scope);
    expectError(await get("order", order.number, "?payment_amount_cents[a]=1"), 400, "payment_amount_cents must be an integer number of cents");
  });

  it.each(["yes", "", "2", "on", "null", "truee"])("refuses dynamic_payment_amount=%s with a 400 naming it", async (value) => {
    const order = await createTestOrder(scope);
    expectError(await get("order", order.number, `?dynamic_payment_amount=${value}`), 400, "dynamic_payment_amount must be true or false (or 1 or 0)");
  });

  it.each([
    ["abc", "id must be a positive integer: the sales order id"],
    ["1.5", "id must be a positive integer: the sales order id"],
    ["-1", "id must be a positive integer: the sales order id"],
    ["0", "id must be a positive integer: the sales order id"],
    ["1e3", "id must be a positive integer: the sales order id"],
    ["12abc", "id must be a positive integer: the sales order id"],
    ["99999999999999999999", "id must be an integer between 1 and 9007199254740991: the sales order id"],
  ])("refuses the id %s with a 400 naming it", async (id, message) => {
    expectError(await get("order", id), 400, message);
  });

  it("answers 404 for an unknown sales order, an invoice's number, and another merchant's order", async () => {
    expectError(await get("order", 987654321), 404, "Order not found");
    const invoice = await createTestOrder(scope, { kind: "INVOICE" });
    expectError(await get("order", invoice.number), 404, "Order not found");

    const mine = await createTestOrder(scope, { totalMinor: 12345 });
    expectError(await get("order", mine.number, "", { authorization: otherAuth }), 404, "Order not found");
    expectError(await get("order", mine.number, "?payment_amount_cents=100", { authorization: otherAuth }), 404, "Order not found");
    expect(await getDb().paymentLink.count({ where: { orderId: mine.id } })).toBe(0);
    // the same number among the other merchant's orders is theirs
    const theirs = await createTestOrder(other, { number: mine.number, totalMinor: 777 });
    const data = expectLink(await get("order", mine.number, "", { authorization: otherAuth }));
    expect(data).toMatchObject({ total_amount_cents: 777 });
    expect((await storedLink(data.payment_url)).orderId).toBe(theirs.id);
  });

  it("answers 400 with a message for an order paid in full, and creates nothing", async () => {
    const order = await createTestOrder(scope, { totalMinor: 20000 });
    await payInFull(order);
    const links = await getDb().paymentLink.count({ where: { orderId: order.id } });
    const message = "Nothing is left to pay on this sales order or invoice: it is paid in full (or the rest is held by pending payments)";
    expectError(await get("order", order.number), 400, message);
    expectError(await get("order", order.number, "?dynamic_payment_amount=true"), 400, message);
    expectError(await get("order", order.number, "?payment_amount_cents=1"), 400, message);
    expect(await getDb().paymentLink.count({ where: { orderId: order.id } })).toBe(links);

    const elsewhere = await createTestOrder(scope, { totalMinor: 3000 });
    await recordPaymentElsewhere(scope, elsewhere.id, 3000);
    expectError(await get("order", elsewhere.number), 400, message);
  });
});

describe("GET /api/v1/payments/invoice/:id/payment-link.json", () => {
  it("answers every documented field with the invoice number in sales_transaction_number", async () => {
    const salesOrder = await createTestOrder(scope, { totalMinor: 100000, currency: "EUR" });
    const invoice = await createTestOrder(scope, { kind: "INVOICE", totalMinor: 50000, currency: "EUR", parentOrderId: salesOrder.id });
    await recordPaymentElsewhere(scope, invoice.id, 5000);
    const data = expectLink(await get("invoice", invoice.number));
    expect(data).toMatchObject({
      sales_order_id: null,
      sales_transaction_number: invoice.number,
      total_amount_cents: 50000,
      already_payed_cents: 5000,
      payment_link_amount_cents: 45000,
      dynamic_payment_amount: false,
    });
    expect((await storedLink(data.payment_url)).orderId).toBe(invoice.id);
  });

  it("ignores payment_amount_cents, whatever its value: an invoice link is for the unpaid rest", async () => {
    const invoice = await createTestOrder(scope, { kind: "INVOICE", totalMinor: 50000 });
    const rest = expectLink(await get("invoice", invoice.number));
    for (const value of ["10000", "abc", "0", "-1", "99999999", ""]) {
      const data = expectLink(await get("invoice", invoice.number, `?payment_amount_cents=${value}`));
      expect(data, value).toMatchObject({ payment_url: rest.payment_url, payment_link_amount_cents: 50000, dynamic_payment_amount: false });
    }
    // and dynamic_payment_amount is then not ignored
    const dynamic = expectLink(await get("invoice", invoice.number, "?payment_amount_cents=10000&dynamic_payment_amount=true"));
    expect(dynamic).toMatchObject({ dynamic_payment_amount: true, payment_link_amount_cents: 50000 });
    expect(dynamic.payment_url).not.toBe(rest.payment_url);
    expect(await getDb().paymentLink.count({ where: { orderId: invoice.id } })).toBe(2);
  });

  it("refuses a malformed dynamic_payment_amount and a malformed id, naming them", async () => {
    const invoice = await createTestOrder(scope, { kind: "INVOICE" });
    expectError(await get("invoice", invoice.number, "?dynamic_payment_amount=maybe"), 400, "dynamic_payment_amount must be true or false (or 1 or 0)");
    expectError(await get("invoice", "INV-1"), 400, "id must be a positive integer: the invoice (sales transaction) number");
  });

  it("answers 404 for an unknown invoice, a sales order's id and another merchant's invoice; 400 when paid in full", async () => {
    expectError(await get("invoice", 987654321), 404, "Order not found");
    const salesOrder = await createTestOrder(scope);
    expectError(await get("invoice", salesOrder.number), 404, "Order not found");
    const invoice = await createTestOrder(scope, { kind: "INVOICE", totalMinor: 4000 });
    expectError(await get("invoice", invoice.number, "", { authorization: otherAuth }), 404, "Order not found");
    await payInFull(invoice);
    expectError(await get("invoice", invoice.number), 400, /paid in full/);
  });
});

describe("the QR code and the payment URL", () => {
  it("reads back as exactly payment_url, which leads to the link's pay page", async () => {
    const order = await createTestOrder(scope, { totalMinor: 42000 });
    for (const query of ["", "?payment_amount_cents=1200", "?dynamic_payment_amount=true"]) {
      const data = expectLink(await get("order", order.number, query));
      const png = PNG.sync.read(Buffer.from(data.qr_code.slice("data:image/png;base64,".length), "base64"));
      const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      expect(decoded?.data, query).toBe(data.payment_url);

      const path = new URL(data.payment_url).pathname;
      const followed = await call(shortUrlRoute, { path, params: { code: path.split("/")[2]! } });
      const link = await storedLink(data.payment_url);
      expect(followed.status).toBe(307);
      expect(followed.headers.get("location")).toBe(`/pay/${link.slug}`);
    }
  });

  it("uses the public base URL (APP_URL) when one is configured", async () => {
    const order = await createTestOrder(scope, { totalMinor: 1000 });
    const before = process.env.APP_URL;
    process.env.APP_URL = "https://pay.example.cm/";
    try {
      const data = expectLink(await get("order", order.number));
      expect(data.payment_url).toMatch(/^https:\/\/pay\.example\.cm\/p\/[A-Za-z0-9_-]+$/);
    } finally {
      if (before === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = before;
    }
  });
});

describe("HTTP Basic and the e-commerce scope", () => {
  it("answers 401 for missing, malformed, unknown, wrong or revoked credentials", async () => {
    const order = await createTestOrder(scope);
    const key = await ecommerceKey(scope.merchantId);
    const cases: [Record<string, string>, string][] = [
      [{}, "Authentication required: send HTTP Basic credentials (key id and secret)"],
      [{ authorization: "" }, "Authentication required: send HTTP Basic credentials (key id and secret)"],
      [{ authorization: "Bearer abc" }, "Authentication required: send HTTP Basic credentials (key id and secret)"],
      [{ authorization: "Basic" }, "Authentication required: send HTTP Basic credentials (key id and secret)"],
      [{ authorization: "Basic !!!" }, "Authentication required: send HTTP Basic credentials (key id and secret)"],
      [{ authorization: `Basic ${Buffer.from("no-colon").toString("base64")}` }, "Malformed HTTP Basic credentials: expected <key id>:<secret>"],
      [{ authorization: basic(key.keyId, "") }, "Malformed HTTP Basic credentials: expected <key id>:<secret>"],
      [{ authorization: basic("", key.secret) }, "Malformed HTTP Basic credentials: expected <key id>:<secret>"],
      [{ authorization: basic("pk_test_unknown", "sk_test_unknown") }, "Invalid or inactive API key"],
      [{ authorization: basic(key.keyId, "wrong-secret") }, "Invalid or inactive API key"],
      // the Instanvi form of the key is not Basic credentials
      [{ "x-api-key": key.apiKey }, "Authentication required: send HTTP Basic credentials (key id and secret)"],
    ];
    for (const [headers, message] of cases) {
      expectError(await get("order", order.number, "", headers), 401, message);
      expectError(await get("invoice", order.number, "", headers), 401, message);
    }
    expectLink(await get("order", order.number, "", { authorization: key.authorization }));
    await getDb().apiCredential.update({ where: { id: key.credentialId }, data: { revokedAt: new Date() } });
    expectError(await get("order", order.number, "", { authorization: key.authorization }), 401, "Invalid or inactive API key");
  });

  it("answers 401 before looking at the id or the parameters", async () => {
    expectError(await get("order", "abc", "?payment_amount_cents=x", {}), 401, /HTTP Basic/);
  });

  it("answers 403 to a key without the e-commerce scope", async () => {
    const order = await createTestOrder(scope);
    for (const scopes of [["payment_links"], []]) {
      const key = await ecommerceKey(scope.merchantId, "SANDBOX", scopes);
      const message = 'This API key lacks the "e-commerce" scope; create a key with it in the dashboard';
      expectError(await get("order", order.number, "", { authorization: key.authorization }), 403, message);
      expectError(await get("invoice", order.number, "", { authorization: key.authorization }), 403, message);
    }
    const both = await ecommerceKey(scope.merchantId, "SANDBOX", ["payment_links", "e-commerce"]);
    expectLink(await get("order", order.number, "", { authorization: both.authorization }));
  });
});

describe("rate limits", () => {
  it("sends the five X-RateLimit-* headers with the documented defaults, on successes and errors", async () => {
    const key = await ecommerceKey(scope.merchantId);
    const order = await createTestOrder(scope);
    const headers = { authorization: key.authorization };
    const results = [
      await get("order", order.number, "", headers),
      await get("order", 987654321, "", headers),
      await get("order", order.number, "?payment_amount_cents=x", headers),
      await get("invoice", "x", "", headers),
    ];
    expect(results.map((r) => r.status)).toEqual([200, 404, 400, 400]);
    for (const r of results) {
      expectRateHeaders(r);
      expect(r.headers.get("x-ratelimit-minutely-limit")).toBe("360");
      expect(r.headers.get("x-ratelimit-daily-limit")).toBe("15000");
      const reset = Number(r.headers.get("x-ratelimit-daily-reset"));
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 86_401);
    }
    // both windows count every request of the key, both endpoints together
    expect(results.map((r) => r.headers.get("x-ratelimit-minutely-remaining"))).toEqual(["359", "358", "357", "356"]);
    expect(results.map((r) => r.headers.get("x-ratelimit-daily-remaining"))).toEqual(["14999", "14998", "14997", "14996"]);

    // a 403 and a 401 carry them too (a failed login counts against the client's address)
    const unscoped = await ecommerceKey(scope.merchantId, "SANDBOX", ["payment_links"]);
    expectError(await get("order", order.number, "", { authorization: unscoped.authorization }), 403, /scope/);
    expectError(await get("order", order.number, "", {}), 401, /HTTP Basic/);
  });

  it("answers 429 past the minutely window, per key", async () => {
    process.env.CYCLESOFTWARE_RATE_LIMIT_PER_MINUTE = "3";
    const key = await ecommerceKey(scope.merchantId);
    const order = await createTestOrder(scope);
    const send = () => get("order", order.number, "", { authorization: key.authorization });
    const results = [await send(), await send(), await send(), await send()];
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(results.map((r) => r.headers.get("x-ratelimit-minutely-remaining"))).toEqual(["2", "1", "0", "0"]);
    expect(results.map((r) => r.headers.get("x-ratelimit-minutely-limit"))).toEqual(["3", "3", "3", "3"]);
    expectError(results[3]!, 429, "Rate limit exceeded: 3 requests per 60 seconds");
    expect(Number(results[3]!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(results[3]!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // the invoice endpoint shares the key's window
    expect((await get("invoice", 1, "", { authorization: key.authorization })).status).toBe(429);
    // another key has its own
    const fresh = await ecommerceKey(scope.merchantId);
    expectLink(await get("order", order.number, "", { authorization: fresh.authorization }));
  });

  it("answers 429 past the daily window", async () => {
    process.env.CYCLESOFTWARE_RATE_LIMIT_PER_DAY = "2";
    const key = await ecommerceKey(scope.merchantId);
    const order = await createTestOrder(scope);
    const send = () => get("order", order.number, "", { authorization: key.authorization });
    const results = [await send(), await send(), await send()];
    expect(results.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(results.map((r) => r.headers.get("x-ratelimit-daily-remaining"))).toEqual(["1", "0", "0"]);
    expectError(results[2]!, 429, "Rate limit exceeded: 2 requests per 86400 seconds");
  });

  it("limits failed logins per client address", async () => {
    process.env.CYCLESOFTWARE_RATE_LIMIT_PER_MINUTE = "2";
    const ip = testIp();
    const send = () => get("order", 1, "", { authorization: basic("pk_test_nope", "sk_test_nope"), "x-forwarded-for": ip });
    const results = [await send(), await send(), await send()];
    expect(results.map((r) => r.status)).toEqual([401, 401, 429]);
    for (const r of results) expectRateHeaders(r);
  });
});

describe("the OpenAPI document", () => {
  it("describes both operations, their parameters, answers and errors", () => {
    const document = openApiDocument() as unknown as { paths: Record<string, Record<string, { parameters: { name: string; in: string; schema?: { description?: string } }[]; responses: Record<string, unknown>; description: string }>> };
    for (const kind of ["order", "invoice"]) {
      const op = document.paths[`/api/v1/payments/${kind}/{id}/payment-link.json`]?.get;
      expect(op, kind).toBeDefined();
      expect(Object.keys(op!.responses).sort()).toEqual(["200", "400", "401", "403", "404", "429", "503"]);
      expect(op!.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual(["path:id", "query:dynamic_payment_amount", "query:payment_amount_cents"]);
    }
    const invoice = document.paths["/api/v1/payments/invoice/{id}/payment-link.json"]!.get!;
    expect(invoice.description).toMatch(/payment_amount_cents` is ignored here/);
    expect(invoice.parameters.find((p) => p.name === "payment_amount_cents")?.schema?.description).toMatch(/^Ignored on this endpoint/);
  });

  it("validates what the shaper produces with the response schema", () => {
    expect(Object.keys(paymentLinkData.shape).sort()).toEqual(DATA_KEYS);
  });
});
