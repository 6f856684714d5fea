import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { PaymentLink } from "@/lib/domain/links/types";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { getLinkTimeline } from "./get-link-timeline";
import { listLinkPayments } from "./list-link-payments";
import { redeemLink } from "./redeem-link";
import { updateLink } from "./update-link";
import { rejection } from "@/lib/testing/rejection";

let nextPhone = 671000001;
/** Each redeem from a number of its own (a number with a pending payment on the link gets it back). */
const redeem = (link: PaymentLink) => redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: String(nextPhone++) });

describe("getLinkTimeline", () => {
  it("tells the story of the link and its payments, oldest first, and nothing of other links", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 1 });
    const neighbour = await createTestLink(scope);
    await updateLink(scope, neighbour.id, { description: "Other" });
    await updateLink(scope, link.id, { description: "Renamed" });
    const first = (await redeem(link)).payment;
    await settlePayment({ paymentId: first.id, outcome: "FAILED", failureReason: "PAYER_REJECTED", actor: "provider:MTN_CAM" });
    const second = (await redeem(link)).payment;
    // An event recorded against the payment alone still belongs to the link's story.
    await getDb().event.create({
      data: { merchantId: scope.merchantId, paymentId: second.id, type: "payment.initiated", actor: "system", data: { x: 1 } },
    });
    await settlePayment({ paymentId: second.id, outcome: "SUCCESSFUL", actor: "provider:MTN_CAM" });

    const timeline = await getLinkTimeline(scope, link.id);
    expect(timeline.map((e) => [e.type, e.paymentId])).toEqual([
      ["link.created", null],
      ["link.updated", null],
      ["payment.created", first.id],
      ["link.redeemed", null],
      ["link.awaiting_payment", null],
      ["payment.failed", first.id],
      ["link.reopened", null],
      ["payment.created", second.id],
      ["link.redeemed", null],
      ["link.awaiting_payment", null],
      ["payment.initiated", second.id],
      ["payment.succeeded", second.id],
      // Paid once the money arrived, not when the last use was taken.
      ["link.paid", null],
    ]);
    expect(timeline[0]).toMatchObject({ actor: scope.actor, data: { amount_minor: 5000, currency: "XAF" } });
    expect(timeline[5]).toMatchObject({ actor: "provider:MTN_CAM", data: { reason: "PAYER_REJECTED" } });
    expect(timeline.map((e) => e.createdAt.getTime())).toEqual(timeline.map((e) => e.createdAt.getTime()).sort((a, b) => a - b));
    expect(Object.keys(timeline[0]!).sort()).toEqual(["actor", "createdAt", "data", "id", "paymentId", "type"]);
  });

  it("puts events written in the same millisecond in the order they were caused", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const at = new Date(Date.now() + 60_000);
    const base = { merchantId: scope.merchantId, linkId: link.id, actor: "customer", createdAt: at };
    // Ids in ascending order against the causal one, so that sorting by time then id would get it wrong.
    const id = (n: number) => `${link.id.slice(0, 8)}-0000-4000-8000-00000000000${n}`;
    await getDb().event.createMany({
      data: [
        { ...base, id: id(1), type: "link.paid" },
        { ...base, id: id(2), type: "link.redeemed" },
        { ...base, id: id(3), type: "payment.created" },
      ],
    });
    expect((await getLinkTimeline(scope, link.id)).map((e) => e.type)).toEqual([
      "link.created",
      "payment.created",
      "link.redeemed",
      "link.paid",
    ]);
  });

  it("is NOT_FOUND for another merchant's link or a malformed id", async () => {
    const scope = await createMerchant();
    const theirs = await createTestLink(await createMerchant());
    for (const id of [theirs.id, "not-a-uuid"]) {
      expect((await rejection(getLinkTimeline(scope, id))).code).toBe("NOT_FOUND");
      expect((await rejection(listLinkPayments(scope, id))).code).toBe("NOT_FOUND");
    }
  });
});

describe("listLinkPayments", () => {
  it("lists the link's payments, newest first, and no other link's", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 5 });
    const other = await createTestLink(scope, { maxUses: 5 });
    const a = (await redeem(link)).payment;
    await redeem(other);
    const b = (await redeem(link)).payment;
    await settlePayment({ paymentId: a.id, outcome: "SUCCESSFUL", actor: "provider:MTN_CAM" });

    const payments = await listLinkPayments(scope, link.id);
    expect(payments.map((p) => p.id)).toEqual([b.id, a.id]);
    expect(payments[1]).toMatchObject({ status: "SUCCESSFUL", amountMinor: 5000, linkId: link.id });
    expect(payments[0]).not.toHaveProperty("notificationToken");
    expect(await listLinkPayments(scope, (await createTestLink(scope)).id)).toEqual([]);
  });
});
