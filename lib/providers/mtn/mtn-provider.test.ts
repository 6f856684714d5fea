import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MtnConfig } from "@/lib/providers/config";
import type { InitiateRequest, StatusQuery } from "@/lib/providers/interface";
import { startMtnMock, type RunningMock } from "@/lib/providers/mock";
import { sleep, startCallbackListener, startBrokenProvider, statusWhenFinal, unusedUrl, type CallbackListener } from "@/lib/providers/test-servers";
import { MtnProvider } from "./mtn-provider";
import { MtnRequestToPayResultSchema } from "./types";

const APPROVAL_DELAY_MS = 50;

let mock: RunningMock;
let listener: CallbackListener;

beforeAll(async () => {
  [mock, listener] = await Promise.all([startMtnMock({ approvalDelayMs: APPROVAL_DELAY_MS }), startCallbackListener()]);
});

afterAll(async () => {
  await Promise.all([mock.close(), listener.close()]);
});

function config(overrides: Partial<MtnConfig> = {}): MtnConfig {
  return {
    mode: "SANDBOX",
    variablePrefix: "MTN",
    baseUrl: mock.url,
    apiUser: "api-user",
    apiKey: "api-key",
    subscriptionKey: "subscription-key",
    targetEnvironment: "sandbox",
    timeoutMs: 2000,
    ...overrides,
  };
}

function paymentRequest(nationalNumber: string, overrides: Partial<InitiateRequest> = {}): InitiateRequest {
  const paymentId = randomUUID();
  return {
    paymentId,
    orderId: `pl${paymentId.replaceAll("-", "").slice(0, 28)}`,
    amountMinor: 1500,
    currency: "XAF",
    payerPhone: `237${nationalNumber}`,
    description: "Order 42",
    language: "fr",
    callbackUrl: `${listener.url}/api/providers/mtn/callback?payment=${paymentId}`,
    returnUrl: "http://127.0.0.1:3000/pay/pay_test",
    ...overrides,
  };
}

const statusQuery = (request: InitiateRequest): StatusQuery => ({
  paymentId: request.paymentId,
  orderId: request.orderId,
  amountMinor: request.amountMinor,
  providerReference: null,
});

describe("MtnProvider against the MTN mock", () => {
  const client = () => new MtnProvider(config());

  it.each([
    ["670000001", { status: "SUCCESSFUL" }, { status: "SUCCESSFUL" }],
    ["670000002", { status: "FAILED", reason: "INSUFFICIENT_FUNDS" }, { status: "FAILED", reason: "NOT_ENOUGH_FUNDS" }],
    ["670000003", { status: "FAILED", reason: "PAYER_REJECTED" }, { status: "FAILED", reason: "APPROVAL_REJECTED" }],
    ["671234567", { status: "SUCCESSFUL" }, { status: "SUCCESSFUL" }],
  ])("payer %s: the status ends %o and the callback says so", async (number, expected, callbackStatus) => {
    const provider = client();
    const request = paymentRequest(number);

    expect(await provider.initiate(request)).toEqual({
      ok: true,
      value: { providerReference: null, paymentUrl: null, notificationToken: null },
    });
    const final = await statusWhenFinal(provider, statusQuery(request));
    expect(final).toMatchObject({ ok: true, value: expected });

    const callback = await listener.waitForCall(request.paymentId);
    expect(callback.method).toBe("POST");
    expect(callback.headers["content-type"]).toMatch(/^application\/json/);
    expect(MtnRequestToPayResultSchema.safeParse(callback.body).success).toBe(true);
    expect(callback.body).toMatchObject({
      ...callbackStatus,
      externalId: request.orderId,
      amount: "1500",
      currency: "XAF",
      payer: { partyIdType: "MSISDN", partyId: request.payerPhone },
      payerMessage: "Order 42",
    });
    // MTN's own id reaches us through the status, and is the one the callback carried.
    if (final.ok && final.value.status !== "PENDING") {
      const { financialTransactionId } = callback.body as { financialTransactionId?: string };
      expect(final.value.providerReference).toBe(financialTransactionId ?? null);
      if (expected.status === "SUCCESSFUL") expect(final.value.providerReference).toMatch(/^\d{10}$/);
    }
  });

  it("670000004 stays PENDING, with no callback", async () => {
    const provider = client();
    const request = paymentRequest("670000004");
    expect((await provider.initiate(request)).ok).toBe(true);
    await sleep(APPROVAL_DELAY_MS * 4);
    expect(await provider.getStatus(statusQuery(request))).toEqual({ ok: true, value: { status: "PENDING" } });
    expect(listener.calls.some((call) => call.url.includes(request.paymentId))).toBe(false);
  });

  it("670000005 fails at initiation with a 500: unavailable, and nothing was created", async () => {
    const provider = client();
    const request = paymentRequest("670000005");
    const result = await provider.initiate(request);
    expect(result).toMatchObject({ ok: false, error: { kind: "unavailable" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 500.*INTERNAL_PROCESSING_ERROR/);
    expect(await provider.getStatus(statusQuery(request))).toMatchObject({ ok: false, error: { kind: "rejected" } });
  });

  it("sends the amount in major units of the currency", async () => {
    const request = paymentRequest("670000001", { amountMinor: 1050, currency: "EUR" });
    expect((await client().initiate(request)).ok).toBe(true);
    const callback = await listener.waitForCall(request.paymentId);
    expect(callback.body).toMatchObject({ amount: "10.50", currency: "EUR" });
  });

  it("refuses an unknown currency as rejected, before calling MTN", async () => {
    const result = await new MtnProvider(config({ baseUrl: await unusedUrl() })).initiate(paymentRequest("670000001", { currency: "ZZZ" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected", message: expect.stringMatching(/Unknown currency: ZZZ/) } });
  });

  it("refuses a reused reference id (our payment id) as rejected", async () => {
    const provider = client();
    const request = paymentRequest("670000001");
    expect((await provider.initiate(request)).ok).toBe(true);
    const again = await provider.initiate({ ...request, orderId: "another-order" });
    expect(again).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!again.ok && again.error.message).toMatch(/HTTP 409.*RESOURCE_ALREADY_EXIST/);
  });

  it("refuses a payment id that is not a UUID v4 as rejected, naming the header", async () => {
    const result = await client().initiate(paymentRequest("670000001", { paymentId: "payment-1" }));
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 400.*X-Reference-Id/);
  });

  it("answers an unknown payment's status as rejected (404)", async () => {
    const result = await client().getStatus(statusQuery(paymentRequest("670000001")));
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 404/);
  });

  it("names the credentials to check when the token is refused", async () => {
    const result = await new MtnProvider(config({ apiKey: "" })).initiate(paymentRequest("670000001"));
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 401.*MTN_API_USER, MTN_API_KEY and MTN_SUBSCRIPTION_KEY/);
  });

  it("gets a new token when a restarted MTN refuses the cached one", async () => {
    const first = await startMtnMock({ approvalDelayMs: APPROVAL_DELAY_MS });
    const port = Number(new URL(first.url).port);
    const provider = new MtnProvider(config({ baseUrl: first.url }));
    expect((await provider.initiate(paymentRequest("670000001"))).ok).toBe(true);
    await first.close();
    // Give the client the moment it has in real life to see its kept-alive connections closed.
    await sleep(50);
    const restarted = await startMtnMock({ port, approvalDelayMs: APPROVAL_DELAY_MS });
    try {
      expect(await provider.initiate(paymentRequest("670000001"))).toMatchObject({ ok: true });
    } finally {
      await restarted.close();
    }
  });
});

describe("MtnProvider when MTN misbehaves", () => {
  it("reports a provider that is down as unavailable, naming the setting", async () => {
    const result = await new MtnProvider(config({ baseUrl: await unusedUrl() })).initiate(paymentRequest("670000001"));
    expect(result).toMatchObject({ ok: false, error: { kind: "unavailable" } });
    expect(!result.ok && result.error.message).toMatch(/ECONNREFUSED.*MTN_BASE_URL/);
  });

  it("reports a request to pay that gets no answer in time as a timeout", async () => {
    const hanging = await startBrokenProvider({ answerTokens: true, failure: "hang" });
    try {
      const started = Date.now();
      const provider = new MtnProvider(config({ baseUrl: hanging.url, timeoutMs: 150 }));
      const result = await provider.initiate(paymentRequest("670000001"));
      expect(result).toMatchObject({ ok: false, error: { kind: "timeout" } });
      expect(!result.ok && result.error.message).toMatch(/did not answer POST \/collection\/v1_0\/requesttopay within 150 ms/);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await hanging.close();
    }
  });

  it("reports a connection cut before the answer as a timeout: the payment may exist", async () => {
    const cutting = await startBrokenProvider({ answerTokens: true, failure: "cut" });
    try {
      const result = await new MtnProvider(config({ baseUrl: cutting.url })).initiate(paymentRequest("670000001"));
      expect(result).toMatchObject({ ok: false, error: { kind: "timeout" } });
      expect(!result.ok && result.error.message).toMatch(/cut the connection during POST \/collection\/v1_0\/requesttopay/);
    } finally {
      await cutting.close();
    }
  });

  it("reports a token request that times out as unavailable: the payment was never sent", async () => {
    const hanging = await startBrokenProvider({ answerTokens: false, failure: "hang" });
    try {
      const result = await new MtnProvider(config({ baseUrl: hanging.url, timeoutMs: 150 })).initiate(paymentRequest("670000001"));
      expect(result).toMatchObject({ ok: false, error: { kind: "unavailable" } });
      expect(!result.ok && result.error.message).toMatch(/collection\/token.*no request was sent/);
    } finally {
      await hanging.close();
    }
  });
});
