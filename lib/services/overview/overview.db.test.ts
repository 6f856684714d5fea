import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { recordPayPageView } from "@/lib/services/pay-page/record-pay-page-view";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { getOverview } from "./get-overview";

// A fixed "now" in the future, so that every window is known whatever the clock says.
const NOW = new Date("2030-06-15T12:00:00.000Z");
const at = (iso: string) => new Date(iso);

let nextPhone = 671000001;
/** Each payment from a number of its own (a number with a pending payment on a link gets it back). */
const redeem = (link: PaymentLink) => redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: String(nextPhone++) });

/** A SUCCESSFUL payment on the link, settled at the given time. */
async function collect(link: PaymentLink, settledAt: Date) {
  const { payment } = await redeem(link);
  await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:test" });
  await getDb().payment.update({ where: { id: payment.id }, data: { settledAt } });
  return payment;
}

async function views(link: PaymentLink, day: string, count: number) {
  for (let i = 0; i < count; i++) await recordPayPageView(link, at(`${day}T10:00:00Z`));
}

describe("getOverview", () => {
  it("is all zeros for a merchant with nothing yet", async () => {
    const scope = await createMerchant();
    expect(await getOverview(scope, NOW)).toEqual({
      collected: [],
      linksByStatus: { ACTIVE: 0, AWAITING_PAYMENT: 0, PAID: 0, EXPIRED: 0, CANCELLED: 0 },
      conversion: { views: 0, paidLinks: 0, rate: 0 },
      latestPayments: [],
    });
  });

  it("sums money collected per currency over today, 7 and 30 UTC days, by settlement time", async () => {
    const scope = await createMerchant();
    const xaf = await createTestLink(scope, { amountMinor: 5000, maxUses: 20 });
    const xafBig = await createTestLink(scope, { amountMinor: 100_000, maxUses: 20 });
    const eur = await createTestLink(scope, { amountMinor: 1050, currency: "EUR", maxUses: 20 });

    await collect(xaf, at("2030-06-15T00:00:00.000Z")); // today's first millisecond
    await collect(xaf, at("2030-06-14T23:59:59.999Z")); // yesterday
    await collect(xaf, at("2030-06-09T00:00:00.000Z")); // first day of the 7
    await collect(xafBig, at("2030-06-08T23:59:59.999Z")); // just before the 7 days
    await collect(xafBig, at("2030-05-17T00:00:00.000Z")); // first day of the 30
    await collect(xafBig, at("2030-05-16T23:59:59.999Z")); // before the 30 days: not counted
    await collect(xafBig, at("2030-06-15T12:00:00.001Z")); // after now: not counted
    await collect(eur, at("2030-06-15T11:00:00.000Z"));

    // Neither a PENDING nor a FAILED payment, nor another merchant's money, counts.
    await redeem(xaf);
    const { payment: failed } = await redeem(xaf);
    await settlePayment({ paymentId: failed.id, outcome: "FAILED", actor: "provider:test" });
    await getDb().payment.update({ where: { id: failed.id }, data: { settledAt: at("2030-06-15T10:00:00Z") } });
    const other = await createMerchant();
    await collect(await createTestLink(other, { amountMinor: 999 }), at("2030-06-15T10:00:00Z"));

    expect((await getOverview(scope, NOW)).collected).toEqual([
      { currency: "EUR", today: 1050, last7Days: 1050, last30Days: 1050 },
      { currency: "XAF", today: 5000, last7Days: 15_000, last30Days: 215_000 },
    ]);
  });

  it("counts links by status as the merchant reads it: an ACTIVE link past its expiry is EXPIRED, one held by a pending payment AWAITING_PAYMENT", async () => {
    const scope = await createMerchant();
    await createTestLink(scope);
    await createTestLink(scope, { expiresAt: at("2031-01-01T00:00:00Z") });
    await createTestLink(scope, { expiresAt: at("2029-01-01T00:00:00Z") }); // expired by NOW
    const expired = await createTestLink(scope, { expiresAt: new Date(Date.now() + 60_000) });
    await expire(expired.id);
    await cancelLink(scope, (await createTestLink(scope)).id);
    await collect(await createTestLink(scope), at("2030-06-01T00:00:00Z"));
    await redeem(await createTestLink(scope)); // its one use held by a pending payment: not paid
    await createTestLink(await createMerchant());

    expect((await getOverview(scope, NOW)).linksByStatus).toEqual({ ACTIVE: 2, AWAITING_PAYMENT: 1, PAID: 1, EXPIRED: 2, CANCELLED: 1 });
  });

  it("relates pay-page views to links paid in the same 30 days", async () => {
    const scope = await createMerchant();
    const a = await createTestLink(scope, { maxUses: 5 });
    const b = await createTestLink(scope, { maxUses: 5 });
    const c = await createTestLink(scope, { maxUses: 5 });
    await views(a, "2030-06-15", 3);
    await views(b, "2030-05-17", 2);
    await views(c, "2030-05-16", 5); // before the 30 days
    await views(c, "2030-06-16", 4); // after today
    await collect(a, at("2030-06-15T09:00:00Z"));
    await collect(a, at("2030-06-12T09:00:00Z")); // the same link again: counted once
    await collect(b, at("2030-05-20T09:00:00Z"));
    await collect(c, at("2030-05-01T09:00:00Z")); // paid before the 30 days
    const other = await createMerchant();
    const theirs = await createTestLink(other);
    await views(theirs, "2030-06-15", 7);
    await collect(theirs, at("2030-06-15T09:00:00Z"));

    expect((await getOverview(scope, NOW)).conversion).toEqual({ views: 5, paidLinks: 2, rate: 0.4 });
    expect((await getOverview(other, NOW)).conversion).toEqual({ views: 7, paidLinks: 1, rate: 1 / 7 });
  });

  it("shows the 10 newest payments with their link", async () => {
    const scope: MerchantScope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 20, description: "Panier" });
    const created: string[] = [];
    for (let i = 0; i < 12; i++) {
      created.push((await redeem(link)).payment.id);
    }
    const { latestPayments } = await getOverview(scope, NOW);
    expect(latestPayments.map((p) => p.id)).toEqual(created.reverse().slice(0, 10));
    expect(latestPayments[0]).toMatchObject({ status: "PENDING", link: { id: link.id, slug: link.slug, description: "Panier" } });
  });
});
