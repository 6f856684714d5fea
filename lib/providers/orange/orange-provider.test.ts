import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrangeConfig } from "@/lib/providers/config";
import type { InitiateRequest, Initiated, StatusQuery } from "@/lib/providers/interface";
import { startOrangeMock, type RunningMock } from "@/lib/providers/mock";
import { sleep, startBrokenProvider, startCallbackListener, statusWhenFinal, unusedUrl, type CallbackListener } from "@/lib/providers/test-servers";
import { OrangeProvider } from "./orange-provider";
import { verifyOrangeNotification } from "./verify-orange-notification";

const APPROVAL_DELAY_MS = 50;

let mock: RunningMock;
let listener: CallbackListener;

beforeAll(async () => {
  [mock, listener] = await Promise.all([startOrangeMock({ approvalDelayMs: APPROVAL_DELAY_MS }), startCallbackListener()]);
});

afterAll(async () => {
  await Promise.all([mock.close(), listener.close()]);
});

function config(overrides: Partial<OrangeConfig> = {}): OrangeConfig {
  return {
    mode: "SANDBOX",
    variablePrefix: "ORANGE",
    baseUrl: mock.url,
    clientId: "client-id",
    clientSecret: "client-secret",
    merchantKey: "merchant-key",
    timeoutMs: 2000,
    ...overrides,
  };
}

function paymentRequest(nationalNumber: string, overrides: Partial<InitiateRequest> = {}): InitiateRequest {
  const paymentId = randomUUID();
  return {
    paymentId,
    orderId: `pl${paymentId.replaceAll("-", "").slice(0, 28)}`,
    amountMinor: 2500,
    currency: "XAF",
    payerPhone: `237${nationalNumber}`,
    description: "Order 43",
    language: "en",
    callbackUrl: `${listener.url}/api/providers/orange/notification?payment=${paymentId}`,
    returnUrl: `http://127.0.0.1:3000/pay/pay_test?payment=${paymentId}`,
    ...overrides,
  };
}

const statusQuery = (request: InitiateRequest, initiated: Initiated): StatusQuery => ({
  paymentId: request.paymentId,
  orderId: request.orderId,
  amountMinor: request.amountMinor,
  providerReference: initiated.providerReference,
});

async function initiated(provider: OrangeProvider, request: InitiateRequest): Promise<Initiated> {
  const result = await provider.initiate(request);
  if (!result.ok) throw new Error(`initiation failed: ${result.error.message}`);
  return result.value;
}

describe("OrangeProvider against the Orange mock", () => {
  const client = () => new OrangeProvider(config());

  it("hands back pay_token, payment_url and notif_token", async () => {
    const value = await initiated(client(), paymentRequest("690000001"));
    expect(value.providerReference).toMatch(/^[0-9a-f]{32}$/);
    expect(value.paymentUrl).toBe(`${mock.url}/payment/${value.providerReference}`);
    expect(value.notificationToken).toMatch(/^[0-9a-f]{32}$/);
    expect(value.notificationToken).not.toBe(value.providerReference);
  });

  it.each([
    ["690000001", { status: "SUCCESSFUL" }, "SUCCESS"],
    ["690000002", { status: "FAILED", reason: "INSUFFICIENT_FUNDS" }, "FAILED"],
    ["690000003", { status: "FAILED", reason: "PAYER_REJECTED" }, "FAILED"],
    ["699876543", { status: "SUCCESSFUL" }, "SUCCESS"],
  ])("payer %s: the status ends %o and the notification says %s", async (number, expected, notified) => {
    const provider = client();
    const request = paymentRequest(number);
    const start = await initiated(provider, request);

    const final = await statusWhenFinal(provider, statusQuery(request, start));
    expect(final).toMatchObject({ ok: true, value: expected });
    if (!final.ok || final.value.status === "PENDING") throw new Error("not final");
    expect(final.value.providerReference).toMatch(/^MP\d{6}\.\d{4}\.[A-Z]\d{5}$/);

    const notification = await listener.waitForCall(request.paymentId);
    expect(notification.method).toBe("POST");
    expect(notification.headers["content-type"]).toMatch(/^application\/json/);
    expect(notification.body).toEqual({ status: notified, notif_token: start.notificationToken, txnid: final.value.providerReference });
    expect(verifyOrangeNotification(notification.body, start.notificationToken!)).toEqual({ ok: true, value: notification.body });
  });

  it("690000004 stays PENDING, with no notification", async () => {
    const provider = client();
    const request = paymentRequest("690000004");
    const start = await initiated(provider, request);
    await sleep(APPROVAL_DELAY_MS * 4);
    expect(await provider.getStatus(statusQuery(request, start))).toEqual({ ok: true, value: { status: "PENDING" } });
    expect(listener.calls.some((call) => call.url.includes(request.paymentId))).toBe(false);
  });

  it("690000005 fails at initiation with a 500: unavailable", async () => {
    const result = await client().initiate(paymentRequest("690000005"));
    expect(result).toMatchObject({ ok: false, error: { kind: "unavailable" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 500/);
  });

  it("refuses another currency than XAF without calling Orange", async () => {
    const result = await new OrangeProvider(config({ baseUrl: await unusedUrl() })).initiate(
      paymentRequest("690000001", { currency: "EUR", amountMinor: 1050 }),
    );
    expect(result).toEqual({
      ok: false,
      error: { kind: "rejected", message: "Orange Money Web Payment in Cameroon takes XAF only; this payment is in EUR" },
    });
  });

  it("refuses a reused order_id as rejected", async () => {
    const provider = client();
    const request = paymentRequest("690000001");
    await initiated(provider, request);
    const again = await provider.initiate({ ...request, paymentId: randomUUID() });
    expect(again).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!again.ok && again.error.message).toMatch(/HTTP 400.*Duplicate order_id/);
  });

  it("refuses an order_id longer than 30 characters as rejected, naming the field", async () => {
    const result = await client().initiate(paymentRequest("690000001", { orderId: "o".repeat(31) }));
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 400.*order_id/);
  });

  it("needs the pay_token to ask for a status", async () => {
    const request = paymentRequest("690000001");
    const result = await client().getStatus({ ...statusQuery(request, await initiated(client(), request)), providerReference: null });
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected", message: expect.stringMatching(/pay_token/) } });
  });

  it("answers a status for another amount as rejected (404)", async () => {
    const provider = client();
    const request = paymentRequest("690000001");
    const query = statusQuery(request, await initiated(provider, request));
    const result = await provider.getStatus({ ...query, amountMinor: 1 });
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 404.*Transaction not found/);
  });

  it("names the credentials to check when the token is refused", async () => {
    const result = await new OrangeProvider(config({ clientSecret: "" })).initiate(paymentRequest("690000001"));
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 401.*ORANGE_CLIENT_ID and ORANGE_CLIENT_SECRET/);
  });
});

describe("verifyOrangeNotification", () => {
  const body = { status: "SUCCESS", notif_token: "a1b2c3d4e5f6", txnid: "MP250101.1200.A12345" };

  it("accepts the notif_token returned at initiation", () => {
    expect(verifyOrangeNotification(body, "a1b2c3d4e5f6")).toEqual({ ok: true, value: body });
  });

  it.each(["a1b2c3d4e5f7", "a1b2c3d4e5f6x", "", "A1B2C3D4E5F6"])("refuses expected token %j", (expected) => {
    expect(verifyOrangeNotification(body, expected)).toMatchObject({
      ok: false,
      error: { kind: "rejected", message: expect.stringMatching(/notif_token is not the one Orange returned/) },
    });
  });

  it.each([
    [{ ...body, status: "MAYBE" }, /status/],
    [{ status: "SUCCESS", txnid: "x" }, /notif_token/],
    ["status=SUCCESS", /Not an Orange Money notification/],
  ])("refuses a malformed body %j", (malformed, message) => {
    expect(verifyOrangeNotification(malformed, "a1b2c3d4e5f6")).toMatchObject({ ok: false, error: { kind: "rejected", message } });
  });
});

describe("OrangeProvider when Orange misbehaves", () => {
  it("reports a provider that is down as unavailable, naming the setting", async () => {
    const result = await new OrangeProvider(config({ baseUrl: await unusedUrl() })).initiate(paymentRequest("690000001"));
    expect(result).toMatchObject({ ok: false, error: { kind: "unavailable" } });
    expect(!result.ok && result.error.message).toMatch(/ECONNREFUSED.*ORANGE_BASE_URL/);
  });

  it("reports a web payment that gets no answer in time as a timeout", async () => {
    const hanging = await startBrokenProvider({ answerTokens: true, failure: "hang" });
    try {
      const result = await new OrangeProvider(config({ baseUrl: hanging.url, timeoutMs: 150 })).initiate(paymentRequest("690000001"));
      expect(result).toMatchObject({ ok: false, error: { kind: "timeout" } });
      expect(!result.ok && result.error.message).toMatch(/did not answer POST \/orange-money-webpay\/cm\/v1\/webpayment within 150 ms/);
    } finally {
      await hanging.close();
    }
  });
});
