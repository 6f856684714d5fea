/**
 * POST /payment-links/:slug/redeem through the real provider clients against the mock MTN and
 * Orange services: the same code path as the pay page, callbacks included.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as redeemRoute } from "@/app/api/payment-links/[key]/redeem/route";
import { POST as mtnCallback } from "@/app/api/providers/mtn/callback/route";
import { POST as orangeNotification } from "@/app/api/providers/orange/notification/route";
import { getDb } from "@/lib/db/client";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { withMockProviders } from "@/lib/testing/mock-providers";

const mocks = withMockProviders();
let scope: { merchantId: string; actor: string };

beforeAll(async () => {
  scope = await createMerchant("Redeem test");
});

const redeem = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
  call(redeemRoute, { method: "POST", path: `/api/payment-links/${slug}/redeem`, body, headers, params: { key: slug } });

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("POST /payment-links/:slug/redeem", () => {
  it("reserves a use, opens a PENDING payment at MTN and answers in the documented shape", async () => {
    const link = await createTestLink(scope, { amountMinor: 10000 });
    const result = await redeem(link.slug, { phone_number: 671381152, provider: "MTN_CAM" });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status_code: 200, status: "OK", message: "Payment link redeemed successfully" });
    expect(result.json.data.payment_link).toEqual({ id: link.id, slug: link.slug, status: "PAID", current_uses: 1 });
    expect(result.json.data.payment).toMatchObject({ amount: 10000, currency: "XAF", status: "PENDING" });
    expect(Object.keys(result.json.data.payment).sort()).toEqual(["amount", "currency", "id", "status", "transaction_id"]);
    expect(result.json.data.payment.transaction_id).toMatch(new RegExp(`^pl_${link.slug}_`));
    const events = await getDb().event.findMany({ where: { paymentId: result.json.data.payment.id }, select: { type: true } });
    expect(events.map((e) => e.type)).toContain("payment.initiated");
  });

  it("settles through the MTN callback (fetched back from MTN); a replayed callback changes nothing", async () => {
    const link = await createTestLink(scope);
    const { json } = await redeem(link.slug, { phone_number: "670000001", provider: "MTN_CAM" });
    const paymentId = json.data.payment.id as string;
    // In-process there is no server for MTN to call back: deliver the callback as MTN would.
    const deliver = () => call(mtnCallback, { method: "POST", path: `/api/providers/mtn/callback?payment=${paymentId}`, body: {} });
    const payment = await waitFor(
      () => deliver().then(() => getDb().payment.findUniqueOrThrow({ where: { id: paymentId } })),
      (p) => p.status !== "PENDING",
    );
    expect(payment.status).toBe("SUCCESSFUL");
    expect(payment.providerReference).toBeTruthy();
    const replay = await call(mtnCallback, { method: "POST", path: `/api/providers/mtn/callback?payment=${paymentId}`, body: { status: "FAILED" } });
    expect(replay.status).toBe(200);
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("SUCCESSFUL");
    expect(await getDb().event.count({ where: { paymentId, type: "payment.succeeded" } })).toBe(1);
  });

  it("a failed payment (insufficient funds) releases the use and reopens the link", async () => {
    const link = await createTestLink(scope);
    const { json } = await redeem(link.slug, { phone_number: "690000002", provider: "ORANGE_CAM" });
    expect(json.data.payment_link.status).toBe("PAID");
    const paymentId = json.data.payment.id as string;
    const { notificationToken } = await getDb().payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(notificationToken).toBeTruthy();
    const notify = () =>
      call(orangeNotification, {
        method: "POST",
        path: `/api/providers/orange/notification?payment=${paymentId}`,
        body: { status: "FAILED", notif_token: notificationToken, txnid: "MP1" },
      });
    const payment = await waitFor(
      () => notify().then(() => getDb().payment.findUniqueOrThrow({ where: { id: paymentId } })),
      (p) => p.status !== "PENDING",
    );
    expect(payment).toMatchObject({ status: "FAILED", failureReason: "INSUFFICIENT_FUNDS" });
    expect(await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ status: "ACTIVE", currentUses: 0 });
  });

  it("refuses an Orange notification with the wrong notif_token", async () => {
    const link = await createTestLink(scope);
    const { json } = await redeem(link.slug, { phone_number: "690000004", provider: "ORANGE_CAM" });
    const paymentId = json.data.payment.id as string;
    const forged = await call(orangeNotification, {
      method: "POST",
      path: `/api/providers/orange/notification?payment=${paymentId}`,
      body: { status: "SUCCESS", notif_token: "forged", txnid: "MP1" },
    });
    expect(forged.status).toBe(401);
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PENDING");
  });

  it("answers 400 \"Payment initialization failed\" when the provider fails, releasing the use", async () => {
    const link = await createTestLink(scope);
    const result = await redeem(link.slug, { phone_number: "670000005", provider: "MTN_CAM" });
    expect(result.json).toEqual({ status_code: 400, status: "BAD REQUEST", message: "Payment initialization failed", data: {} });
    expect(await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ status: "ACTIVE", currentUses: 0 });
    const payment = await getDb().payment.findFirstOrThrow({ where: { linkId: link.id } });
    expect(payment).toMatchObject({ status: "FAILED", failureReason: "PROVIDER_ERROR" });
  });

  it("answers 400 when the provider is down", async () => {
    const link = await createTestLink(scope);
    process.env.MTN_BASE_URL = "http://127.0.0.1:9";
    try {
      const result = await redeem(link.slug, { phone_number: "670000001", provider: "MTN_CAM" });
      expect(result.json.message).toBe("Payment initialization failed");
    } finally {
      process.env.MTN_BASE_URL = mocks.current.mtnUrl;
    }
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).currentUses).toBe(0);
  });

  it.each([
    [{ provider: "MTN_CAM" }, "phone_number is required: the customer's mobile number"],
    [{ phone_number: 671381152 }, "provider must be one of MTN_CAM, ORANGE_CAM"],
    [{ phone_number: "12345", provider: "MTN_CAM" }, /^phone_number must be a Cameroon mobile number/],
    [{ phone_number: 671381152, provider: "MTN_CAM", amount: 1 }, "unknown field: amount"],
  ])("refuses %j", async (body, message) => {
    const link = await createTestLink(scope);
    const result = await redeem(link.slug, body);
    expect(result.status).toBe(400);
    expect(result.json.message).toEqual(typeof message === "string" ? message : expect.stringMatching(message));
  });

  it("answers 404 and 410 as documented", async () => {
    expect((await redeem("pay_nope", { phone_number: 671381152, provider: "MTN_CAM" })).json).toEqual({
      status_code: 404,
      status: "NOT FOUND",
      message: "Payment link not found",
      data: {},
    });
    const link = await createTestLink(scope);
    await redeem(link.slug, { phone_number: "670000004", provider: "MTN_CAM" });
    expect((await redeem(link.slug, { phone_number: 671381152, provider: "MTN_CAM" })).json).toEqual({
      status_code: 410,
      status: "GONE",
      message: "Payment link has reached maximum uses",
      data: {},
    });
  });

  it("a retried redeem with the same Idempotency-Key returns the first payment, not a second one", async () => {
    const link = await createTestLink(scope, { maxUses: 5 });
    const headers = { "idempotency-key": `redeem-${Date.now()}` };
    const first = await redeem(link.slug, { phone_number: 671381152, provider: "MTN_CAM" }, headers);
    const second = await redeem(link.slug, { phone_number: 671381152, provider: "MTN_CAM" }, headers);
    expect(second.json).toEqual(first.json);
    expect(await getDb().payment.count({ where: { linkId: link.id } })).toBe(1);
  });
});

describe("no input produces a 500", () => {
  it.each([
    "{\"phone_number\": 671381152, \"provider\": \"MTN_CAM\"",
    "{\"phone_number\": {\"a\": 1}, \"provider\": \"MTN_CAM\"}",
    "{\"phone_number\": 1e400, \"provider\": \"MTN_CAM\"}",
    "{\"phone_number\": \"\\u0000\", \"provider\": \"MTN_CAM\"}",
    "{\"__proto__\": {\"polluted\": true}, \"phone_number\": 671381152, \"provider\": \"MTN_CAM\"}",
    "{\"phone_number\": [671381152], \"provider\": [\"MTN_CAM\"]}",
    "true",
    "9".repeat(5000),
  ])("%s", async (body) => {
    const link = await createTestLink(scope);
    const result = await redeem(link.slug, body, { "content-type": "application/json" });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(result.json).toMatchObject({ status: "BAD REQUEST", data: {} });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
