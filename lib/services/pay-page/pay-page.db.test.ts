import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { payPageStatus } from "@/lib/contracts/pay/pay-page-status";
import { getPayPage } from "./get-pay-page";
import { getPaymentStatus } from "./get-payment-status";
import { recordPayPageView } from "./record-pay-page-view";

describe("pay page state", () => {
  it("answers 404 for an unknown slug, 200 for a payable link and 410 for each gone state", async () => {
    const scope = await createMerchant("Pay page");
    expect(payPageStatus(await getPayPage("pay_unknown"))).toBe(404);

    const active = await createTestLink(scope);
    const page = await getPayPage(active.slug);
    expect(payPageStatus(page)).toBe(200);
    expect(page).toMatchObject({ merchant: { name: "Pay page" }, gone: null, payment: null });

    const cancelled = await createTestLink(scope);
    await cancelLink(scope, cancelled.id);
    const expired = await createTestLink(scope, { expiresAt: new Date(Date.now() + 60_000) });
    await expire(expired.id);
    const exhausted = await createTestLink(scope);
    const { payment } = await redeemLink({ slug: exhausted.slug, provider: "MTN_CAM", phoneNumber: "670000004" });
    for (const [slug, reason] of [
      [cancelled.slug, "CANCELLED"],
      [expired.slug, "EXPIRED"],
      [exhausted.slug, "EXHAUSTED"],
    ] as const) {
      const gonePage = await getPayPage(slug);
      expect(gonePage?.gone).toBe(reason);
      expect(payPageStatus(gonePage)).toBe(410);
    }
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "test" });
    expect((await getPayPage(exhausted.slug))?.gone).toBe("PAID");

    // following one's own payment on a paid link is a 200 receipt, not a 410
    const following = await getPayPage(exhausted.slug, payment.id);
    expect(following?.payment?.status).toBe("SUCCESSFUL");
    expect(payPageStatus(following)).toBe(200);
    // another link's payment id is ignored
    expect((await getPayPage(active.slug, payment.id))?.payment).toBeNull();
    expect((await getPayPage(active.slug, "not-a-uuid"))?.payment).toBeNull();
  });

  it("exposes only the status of a payment to the customer's browser", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const { payment } = await redeemLink({ slug: link.slug, provider: "ORANGE_CAM", phoneNumber: "690000002" });
    expect(await getPaymentStatus(payment.id)).toEqual({ id: payment.id, status: "PENDING", failure_reason: null });
    await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "INSUFFICIENT_FUNDS", actor: "test" });
    expect(await getPaymentStatus(payment.id)).toEqual({ id: payment.id, status: "FAILED", failure_reason: "INSUFFICIENT_FUNDS" });
    expect(await getPaymentStatus("nope")).toBeNull();
  });

  it("counts views per link and day, atomically", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    await Promise.all(Array.from({ length: 20 }, () => recordPayPageView(link)));
    await recordPayPageView(link, new Date("2026-01-01T12:00:00Z"));
    const days = await getDb().linkViewDay.findMany({ where: { linkId: link.id }, orderBy: { day: "asc" } });
    expect(days.map((d) => [d.day.toISOString().slice(0, 10), d.views])).toEqual([
      ["2026-01-01", 1],
      [new Date().toISOString().slice(0, 10), 20],
    ]);
  });
});
