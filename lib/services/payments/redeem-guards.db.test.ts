/**
 * A link cannot be blocked by strangers: one number holds at most one pending payment per link
 * (a second redeem gets it back), attempts are throttled per link and per number, a pending
 * payment holds its use only while the provider keeps the request open (the mocks expire
 * unapproved requests, and the reconciler releases the use on that final answer), and the
 * merchant is told "awaiting payment", never "paid", for uses held by pending payments.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { merchantLinkStatus } from "@/lib/domain/links/lifecycle";
import type { MerchantScope } from "@/lib/domain/links/types";
import { AppErrorCode } from "@/lib/errors";
import { getLinkOrThrow } from "@/lib/services/links/get-link";
import { listLinks } from "@/lib/services/links/list-links";
import { getOverview } from "@/lib/services/overview/get-overview";
import { startPaymentFromPayPage } from "@/lib/services/pay-page/start-payment-from-pay-page";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { withMockProviders } from "@/lib/testing/mock-providers";
import { rejection as expectRejection } from "@/lib/testing/rejection";
import { reconcilePendingPayments } from "./reconcile-payments";
import { refreshPaymentFromProvider } from "./refresh-payment";
import { startPayment } from "./start-payment";

const NO_CALLBACKS = "http://127.0.0.1:9";
const EXPIRY_MS = 300;

// The providers expire a request nobody approves after EXPIRY_MS.
withMockProviders(20, { requestExpiryMs: EXPIRY_MS });
let scope: MerchantScope;

beforeEach(async () => {
  scope = await createMerchant("Redeem guards");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const freshPhone = () => `67${String(1_000_000 + Math.floor(Math.random() * 8_999_999)).padStart(7, "0")}`;
const linkRow = (id: string) => getDb().paymentLink.findUniqueOrThrow({ where: { id } });
const start = (slug: string, phoneNumber: string, provider: "MTN_CAM" | "ORANGE_CAM" = "MTN_CAM") =>
  startPayment({ slug, provider, phoneNumber, baseUrl: NO_CALLBACKS });

describe("a second redeem from the same number", () => {
  it("gets the pending payment back instead of taking another use, on every redeem path", async () => {
    const link = await createTestLink(scope, { maxUses: 3 });
    const first = await start(link.slug, "670000004");
    const again = await start(link.slug, "+237 670 00 00 04");
    expect(again).toMatchObject({ resumed: true, payment: { id: first.payment.id, status: "PENDING" } });
    // The pay page's form (another attempt token) leads to the same payment too.
    const fromPage = await startPaymentFromPayPage({
      slug: link.slug,
      provider: "MTN_CAM",
      phone: "670000004",
      language: "en",
      attempt: crypto.randomUUID(),
      clientIp: `ip-${crypto.randomUUID()}`,
      baseUrl: NO_CALLBACKS,
    });
    expect(fromPage).toEqual({ kind: "started", paymentId: first.payment.id });

    expect(await linkRow(link.id)).toMatchObject({ currentUses: 1, pendingUses: 1 });
    expect(await getDb().payment.count({ where: { linkId: link.id } })).toBe(1);
    expect(await getDb().event.count({ where: { linkId: link.id, type: "payment.created" } })).toBe(1);
  });

  it("holds at most one use per number under concurrency", async () => {
    const link = await createTestLink(scope, { maxUses: 5 });
    const results = await Promise.all(Array.from({ length: 8 }, () => start(link.slug, "690000004", "ORANGE_CAM")));
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(await linkRow(link.id)).toMatchObject({ currentUses: 1, pendingUses: 1 });
  });

  it("leaves other numbers to the rules of the link: a one-use link held by a pending payment is exhausted for them", async () => {
    const link = await createTestLink(scope);
    await start(link.slug, "670000004");
    const refused = await expectRejection(start(link.slug, freshPhone()));
    expect(refused).toMatchObject({ code: AppErrorCode.GONE, details: { reason: "EXHAUSTED" } });
  });

  it("starts a new payment once the previous one has failed", async () => {
    const link = await createTestLink(scope);
    const first = await start(link.slug, "670000003"); // the payer rejects it
    await sleep(100);
    await refreshPaymentFromProvider(first.payment.id);
    const second = await start(link.slug, "670000003");
    expect(second.resumed).toBeUndefined();
    expect(second.payment.id).not.toBe(first.payment.id);
  });
});

describe("throttling", () => {
  it("refuses attempts past the per-link limit, whoever makes them", async () => {
    vi.stubEnv("REDEEM_RATE_LIMIT_PER_LINK", "3");
    const link = await createTestLink(scope, { maxUses: 10 });
    for (let i = 0; i < 3; i++) await start(link.slug, freshPhone());
    const refused = await expectRejection(start(link.slug, freshPhone()));
    expect(refused).toMatchObject({ code: AppErrorCode.RATE_LIMITED });
    expect(refused.message).toMatch(/Too many payment attempts for this payment link: try again in \d+ seconds/);
    expect((await linkRow(link.id)).currentUses).toBe(3);
    // Another link is not affected.
    const other = await createTestLink(scope);
    await start(other.slug, freshPhone());
  });

  it("refuses attempts past the per-number limit across links, except for the shared sandbox test numbers", async () => {
    vi.stubEnv("REDEEM_RATE_LIMIT_PER_PHONE", "2");
    const phone = freshPhone();
    for (let i = 0; i < 2; i++) await start((await createTestLink(scope)).slug, phone);
    const refused = await expectRejection(start((await createTestLink(scope)).slug, phone));
    expect(refused).toMatchObject({ code: AppErrorCode.RATE_LIMITED });
    expect(refused.message).toMatch(/for this phone number/);
    for (let i = 0; i < 3; i++) await start((await createTestLink(scope)).slug, "670000001");
  });

  it("tells the pay page's customer to wait", async () => {
    vi.stubEnv("REDEEM_RATE_LIMIT_PER_LINK", "1");
    const link = await createTestLink(scope, { maxUses: 5 });
    await start(link.slug, freshPhone());
    const outcome = await startPaymentFromPayPage({
      slug: link.slug,
      provider: "MTN_CAM",
      phone: freshPhone(),
      language: "fr",
      attempt: crypto.randomUUID(),
      clientIp: `ip-${crypto.randomUUID()}`,
      baseUrl: NO_CALLBACKS,
    });
    expect(outcome).toEqual({ kind: "refused", problem: "rate", provider: "MTN_CAM" });
  });
});

describe("a pending payment holds its use only while the provider keeps the request open", () => {
  it.each(["MTN_CAM", "ORANGE_CAM"] as const)("the provider expires the unapproved request; the reconciler releases the use on that answer (%s)", async (provider) => {
    const link = await createTestLink(scope);
    const { payment } = await start(link.slug, provider === "MTN_CAM" ? "670000004" : "690000004", provider);
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1, pendingUses: 1 });

    await sleep(EXPIRY_MS + 200);
    const summary = await reconcilePendingPayments({ merchantId: scope.merchantId, minAgeMs: 0 });
    expect(summary).toMatchObject({ claimed: 1, settled: 1, timedOut: 0 });
    // The provider's own final answer: FAILED (expired), not a local decision.
    expect(await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "FAILED", failureReason: "TIMEOUT", failedLocallyAt: null });
    expect(await linkRow(link.id)).toMatchObject({ status: "ACTIVE", currentUses: 0, pendingUses: 0 });
    // A real payer can pay now.
    await start(link.slug, freshPhone());
  });
});

describe("awaiting payment, never paid before the money arrives", () => {
  it("reads AWAITING_PAYMENT for the merchant while pending payments hold every use, and PAID once the money is in", async () => {
    const link = await createTestLink(scope);
    const { payment } = await start(link.slug, "670000001");
    const held = await getLinkOrThrow(scope, link.id);
    expect(held).toMatchObject({ status: "PAID", pendingUses: 1 });
    expect(merchantLinkStatus(held)).toBe("AWAITING_PAYMENT");
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.paid" } })).toBe(0);
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.awaiting_payment" } })).toBe(1);

    // The dashboard's filters and counts keep the two apart.
    const ids = async (input: Parameters<typeof listLinks>[1]) => (await listLinks(scope, input)).items.map((l) => l.id);
    expect(await ids({ status: "PAID", awaitingPayment: true })).toEqual([link.id]);
    expect(await ids({ status: "PAID", awaitingPayment: false })).toEqual([]);
    expect(await ids({ status: "PAID" })).toEqual([link.id]); // Instanvi's reading: every use taken
    expect((await getOverview(scope)).linksByStatus).toMatchObject({ AWAITING_PAYMENT: 1, PAID: 0 });

    await sleep(100);
    await refreshPaymentFromProvider(payment.id);
    const paid = await getLinkOrThrow(scope, link.id);
    expect(merchantLinkStatus(paid)).toBe("PAID");
    expect(await ids({ status: "PAID", awaitingPayment: false })).toEqual([link.id]);
    expect((await getOverview(scope)).linksByStatus).toMatchObject({ AWAITING_PAYMENT: 0, PAID: 1 });
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.paid" } })).toBe(1);
  });
});
