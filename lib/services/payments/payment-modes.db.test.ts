/**
 * SANDBOX never touches real money, LIVE never touches the mocks: payments go to the provider
 * configuration of their link's mode, and with no live provider configured nothing LIVE can be
 * made or used (a clear refusal, in each contract's envelope and in the dashboard's services).
 * Two sets of mock providers stand for the sandbox and for "live".
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as instanviCreate } from "@/app/api/payment-links/create/route";
import { POST as instanviRedeem } from "@/app/api/payment-links/[key]/redeem/route";
import { GET as cycleOrderLink } from "@/app/api/v1/payments/order/[id]/payment-link.json/route";
import { POST as zeamsterCreate } from "@/app/api/zeamster/v2/paylinks/route";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { AppErrorCode } from "@/lib/errors";
import { startMockProviders, type MockProviders } from "@/lib/providers/mock";
import { createCredential } from "@/lib/services/credentials/create-credential";
import { authenticateApiKey } from "@/lib/services/credentials/authenticate-api-key";
import { getPayPage } from "@/lib/services/pay-page/get-pay-page";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { call, createApiKey } from "@/lib/testing/http";
import { withMockProviders } from "@/lib/testing/mock-providers";
import { rejection } from "@/lib/testing/rejection";
import { isModeAvailable } from "./payment-modes";
import { refreshPaymentFromProvider } from "./refresh-payment";
import { startPayment } from "./start-payment";

const NO_CALLBACKS = "http://127.0.0.1:9";
const sandbox = withMockProviders(20, { requestExpiryMs: 0 });
let live: MockProviders;
let scope: MerchantScope;

beforeAll(async () => {
  live = await startMockProviders({ approvalDelayMs: 20, requestExpiryMs: 0 });
});
afterAll(async () => {
  await live.close();
});

beforeEach(async () => {
  scope = await createMerchant("Two worlds");
  vi.stubEnv("MTN_LIVE_BASE_URL", live.mtnUrl);
  vi.stubEnv("ORANGE_LIVE_BASE_URL", live.orangeUrl);
  vi.stubEnv("ORANGE_LIVE_CLIENT_ID", "live-client");
  vi.stubEnv("ORANGE_LIVE_CLIENT_SECRET", "live-secret");
  vi.stubEnv("ORANGE_LIVE_MERCHANT_KEY", "live-merchant");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Unsets every live setting: no live provider is configured. */
function noLiveProviders() {
  for (const name of ["MTN_LIVE_BASE_URL", "ORANGE_LIVE_BASE_URL"]) vi.stubEnv(name, "");
}

/** Whether a mock knows a request (our MTN reference id, or the Orange pay_token): the payer answers there. */
async function knows(mock: MockProviders, provider: "MTN_CAM" | "ORANGE_CAM", reference: string): Promise<boolean> {
  const base = provider === "MTN_CAM" ? mock.mtnUrl : mock.orangeUrl;
  const response = await fetch(`${base}/sandbox/payer/${reference}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"answer":"approve"}' });
  return response.status === 200;
}

describe("provider clients chosen by the link's mode", () => {
  it.each(["MTN_CAM", "ORANGE_CAM"] as const)("sends a SANDBOX payment to the sandbox and a LIVE one to the live provider, and asks each one back there (%s)", async (provider) => {
    const phone = provider === "MTN_CAM" ? "670000004" : "690000004";
    const sandboxLink = await createTestLink(scope, { mode: "SANDBOX" });
    const liveLink = await createTestLink(scope, { mode: "LIVE" });
    const test = await startPayment({ slug: sandboxLink.slug, provider, phoneNumber: phone, baseUrl: NO_CALLBACKS });
    const real = await startPayment({ slug: liveLink.slug, provider, phoneNumber: phone, baseUrl: NO_CALLBACKS });
    expect(real.payment.mode).toBe("LIVE");
    const ref = (p: typeof test.payment) => (provider === "MTN_CAM" ? p.id : p.providerReference!);

    expect(await knows(live, provider, ref(test.payment))).toBe(false);
    expect(await knows(sandbox.current, provider, ref(real.payment))).toBe(false);
    // The payers approve where each request really is; the status is asked there too.
    expect(await knows(sandbox.current, provider, ref(test.payment))).toBe(true);
    expect(await knows(live, provider, ref(real.payment))).toBe(true);
    for (const { payment } of [test, real]) {
      expect(await refreshPaymentFromProvider(payment.id)).toMatchObject({ outcome: "settled", settlement: { payment: { status: "SUCCESSFUL" } } });
    }
  });

  it("never sends a LIVE payment to the sandbox, even when the live provider is down", async () => {
    vi.stubEnv("MTN_LIVE_BASE_URL", NO_CALLBACKS);
    const liveLink = await createTestLink(scope, { mode: "LIVE" });
    const refused = await rejection(startPayment({ slug: liveLink.slug, provider: "MTN_CAM", phoneNumber: "670000001", baseUrl: NO_CALLBACKS }));
    expect(refused.code).toBe(AppErrorCode.PROVIDER_UNAVAILABLE);
    expect(refused.message).toMatch(/MTN MoMo \(live\) is unreachable.*MTN_LIVE_BASE_URL/);
  });

  it("refuses a LIVE payment through a provider that has no live settings, naming the one that has", async () => {
    vi.stubEnv("ORANGE_LIVE_BASE_URL", "");
    const liveLink = await createTestLink(scope, { mode: "LIVE" });
    const refused = await rejection(startPayment({ slug: liveLink.slug, provider: "ORANGE_CAM", phoneNumber: "690000001", baseUrl: NO_CALLBACKS }));
    expect(refused).toMatchObject({ code: AppErrorCode.INVALID_STATE, details: { field: "provider" } });
    expect(refused.message).toBe(
      "This payment link is LIVE, and Orange Money live payments are not configured on this server (ORANGE_LIVE_BASE_URL is not set); pay with MTN Mobile Money",
    );
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: liveLink.id } })).currentUses).toBe(0);
  });
});

describe("with no live provider configured", () => {
  it("refuses to make LIVE links and LIVE keys, naming mode, and keeps SANDBOX working", async () => {
    noLiveProviders();
    expect(isModeAvailable("LIVE")).toBe(false);
    const link = await rejection(createTestLink(scope, { mode: "LIVE" }));
    expect(link).toMatchObject({ code: AppErrorCode.VALIDATION, details: { field: "mode" } });
    expect(link.message).toMatch(/^mode LIVE is not available: live payments are not configured on this server .*MTN_LIVE_BASE_URL, ORANGE_LIVE_BASE_URL/);
    const key = await rejection(createCredential(scope, { name: "Shop", mode: "LIVE", scopes: ["payment_links"] }));
    expect(key).toMatchObject({ code: AppErrorCode.VALIDATION, details: { field: "mode" } });
    await createTestLink(scope, { mode: "SANDBOX" });
    await createCredential(scope, { name: "Test", mode: "SANDBOX", scopes: ["payment_links"] });
  });

  it("refuses a LIVE key that exists, with a clear 403 in each contract's envelope", async () => {
    const key = await createApiKey(scope.merchantId, "LIVE", ["payment_links", "e-commerce"]);
    noLiveProviders();
    expect(await rejection(authenticateApiKey(key.keyId, key.secret))).toMatchObject({ code: AppErrorCode.FORBIDDEN });

    const instanvi = await call(instanviCreate, { method: "POST", path: "/api/payment-links/create", headers: { "x-api-key": key.apiKey }, body: { amount: 100 } });
    expect(instanvi.status).toBe(403);
    expect(instanvi.json).toMatchObject({ status_code: 403, data: {} });
    expect(instanvi.json.message).toMatch(/This is a LIVE API key, and live payments are not configured on this server/);

    const zeamster = await call(zeamsterCreate, {
      method: "POST",
      path: "/api/zeamster/v2/paylinks",
      headers: { "user-id": key.keyId, "user-api-key": key.secret },
      body: { amount_due: 10 },
    });
    expect(zeamster.status).toBe(403);
    expect(JSON.stringify(zeamster.json)).toMatch(/LIVE API key/);

    const basic = `Basic ${Buffer.from(`${key.keyId}:${key.secret}`).toString("base64")}`;
    const cycle = await call(cycleOrderLink, { path: "/api/v1/payments/order/1/payment-link.json", headers: { authorization: basic }, params: { id: "1" } });
    expect(cycle.status).toBe(403);
    expect(JSON.stringify(cycle.json)).toMatch(/LIVE API key/);
    expect(await getDb().paymentLink.count({ where: { merchantId: scope.merchantId } })).toBe(0);
  });

  it("refuses to redeem a LIVE link made while live payments were configured, and its pay page says it cannot be paid", async () => {
    const liveLink = await createTestLink(scope, { mode: "LIVE" });
    noLiveProviders();
    const redeemed = await call(instanviRedeem, {
      method: "POST",
      path: `/api/payment-links/${liveLink.slug}/redeem`,
      params: { key: liveLink.slug },
      body: { phone_number: 670000001, provider: "MTN_CAM" },
    });
    expect(redeemed.status).toBe(400);
    expect(redeemed.json.message).toMatch(/This payment link is LIVE, and MTN Mobile Money live payments are not configured/);
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: liveLink.id } })).currentUses).toBe(0);
    expect((await getPayPage(liveLink.slug))!.gone).toBe("UNAVAILABLE");
  });
});
