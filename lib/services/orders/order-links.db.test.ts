import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { createLink } from "@/lib/services/links/create-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { payPageStatus } from "@/lib/contracts/pay/pay-page-status";
import { getPayPage } from "@/lib/services/pay-page/get-pay-page";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestOrder } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { createOrderLink } from "./create-order-link";
import { getOrderOrThrow } from "./get-order-or-throw";
import { recordPaymentElsewhere } from "./record-payment-elsewhere";

let nextPhone = 671000001;
/** Each redeem from a number of its own (a number with a pending payment on the link gets it back). */
const redeem = (slug: string) => redeemLink({ slug, provider: "MTN_CAM", phoneNumber: String(nextPhone++) });

describe("createOrderLink", () => {
  it("makes a one-use link in the order's currency for the rest, an advance, or whatever is unpaid", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { number: 1012, totalMinor: 250000, currency: "EUR" });
    await recordPaymentElsewhere(scope, order.id, 10000);

    const rest = await createOrderLink(scope, order.id, { kind: "rest", mode: "SANDBOX" });
    expect(rest.reused).toBe(false);
    expect(rest.order).toMatchObject({ id: order.id, paidMinor: 10000, unpaidMinor: 240000 });
    expect(rest.link).toMatchObject({
      amountMinor: 240000,
      currency: "EUR",
      dynamicAmount: false,
      orderId: order.id,
      maxUses: 1,
      mode: "SANDBOX",
      status: "ACTIVE",
      description: "Sales order 1012",
      merchantReference: "1012",
      createdBy: scope.actor,
    });

    const advance = await createOrderLink(scope, order.id, { kind: "advance", amountMinor: 10000, mode: "LIVE" });
    expect(advance.link).toMatchObject({ amountMinor: 10000, dynamicAmount: false, mode: "LIVE" });
    const dynamic = await createOrderLink(scope, order.id, { kind: "dynamic", mode: "SANDBOX" });
    expect(dynamic.link).toMatchObject({ amountMinor: 240000, dynamicAmount: true });
    const event = await getDb().event.findFirstOrThrow({ where: { linkId: dynamic.link.id, type: "link.created" } });
    expect(event.data).toMatchObject({ order_id: order.id, dynamic_amount: true, amount_minor: 240000 });

    const invoice = await createTestOrder(scope, { kind: "INVOICE", number: 2001, parentOrderId: order.id });
    expect((await createOrderLink(scope, invoice.id, { kind: "rest", mode: "SANDBOX" })).link.description).toBe("Invoice 2001");
  });

  it("hands out an open link with the same parameters again instead of another one", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope);
    const first = await createOrderLink(scope, order.id, { kind: "advance", amountMinor: 30000, mode: "SANDBOX" });
    const again = await createOrderLink(scope, order.id, { kind: "advance", amountMinor: 30000, mode: "SANDBOX" });
    expect(again).toMatchObject({ reused: true, link: { id: first.link.id } });
    // other parameters are other links
    for (const input of [
      { kind: "advance", amountMinor: 30001, mode: "SANDBOX" },
      { kind: "advance", amountMinor: 30000, mode: "LIVE" },
      { kind: "rest", mode: "SANDBOX" },
      { kind: "dynamic", mode: "SANDBOX" },
    ] as const) {
      const other = await createOrderLink(scope, order.id, input);
      expect(other.reused, JSON.stringify(input)).toBe(false);
      expect(other.link.id).not.toBe(first.link.id);
    }
    const dynamicAgain = await createOrderLink(scope, order.id, { kind: "dynamic", mode: "SANDBOX" });
    expect(dynamicAgain.reused).toBe(true);

    // a link that is taken, cancelled or expired is not handed out again
    await redeem(first.link.slug);
    const afterRedeem = await createOrderLink(scope, order.id, { kind: "advance", amountMinor: 30000, mode: "SANDBOX" });
    expect(afterRedeem.reused).toBe(false);
    await cancelLink(scope, afterRedeem.link.id);
    const afterCancel = await createOrderLink(scope, order.id, { kind: "advance", amountMinor: 30000, mode: "SANDBOX" });
    expect(afterCancel.reused).toBe(false);
    await getDb().$executeRaw`UPDATE payment_links SET expires_at = now() - interval '1 minute' WHERE id = ${afterCancel.link.id}::uuid`;
    expect((await createOrderLink(scope, order.id, { kind: "advance", amountMinor: 30000, mode: "SANDBOX" })).reused).toBe(false);
  });

  it("a reused dynamic link shows the rest as it is now", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 50000 });
    const first = await createOrderLink(scope, order.id, { kind: "dynamic", mode: "SANDBOX" });
    await recordPaymentElsewhere(scope, order.id, 20000);
    const again = await createOrderLink(scope, order.id, { kind: "dynamic", mode: "SANDBOX" });
    expect(again).toMatchObject({ reused: true, link: { id: first.link.id, amountMinor: 30000 }, order: { unpaidMinor: 30000 } });
  });

  it("makes one link when asked for the same one many times at once", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope);
    const results = await Promise.all(Array.from({ length: 8 }, () => createOrderLink(scope, order.id, { kind: "rest", mode: "SANDBOX" })));
    expect(new Set(results.map((r) => r.link.id)).size).toBe(1);
    expect(results.filter((r) => !r.reused)).toHaveLength(1);
    expect(await getDb().paymentLink.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("refuses an advance outside 1..rest naming the limit, a paid order, and another merchant's order", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 250000 });
    await recordPaymentElsewhere(scope, order.id, 10000);
    const above = await rejection(createOrderLink(scope, order.id, { kind: "advance", amountMinor: 240001, mode: "SANDBOX" }));
    expect(above).toMatchObject({ code: "VALIDATION", message: "amount must be at most 240000 (the unpaid rest)", details: { field: "amount" } });
    for (const amountMinor of [0, -1, 2.5, undefined]) {
      const error = await rejection(createOrderLink(scope, order.id, { kind: "advance", amountMinor, mode: "SANDBOX" }));
      expect(error).toMatchObject({ code: "VALIDATION", details: { field: "amount" } });
    }
    expect((await rejection(createOrderLink(scope, order.id, { kind: "all" as never, mode: "SANDBOX" }))).details.field).toBe("kind");
    expect((await rejection(createOrderLink(scope, order.id, { kind: "rest", mode: "TEST" as never }))).details.field).toBe("mode");

    const other = await createMerchant();
    for (const id of [order.id, "nope", randomUUID()]) {
      expect(await rejection(createOrderLink(other, id, { kind: "rest", mode: "SANDBOX" }))).toMatchObject({ code: "NOT_FOUND", message: "Order not found" });
    }

    await recordPaymentElsewhere(scope, order.id, 240000);
    for (const kind of ["rest", "dynamic", "advance"] as const) {
      const paid = await rejection(createOrderLink(scope, order.id, { kind, amountMinor: 1, mode: "SANDBOX" }));
      expect(paid).toMatchObject({ code: "GONE", details: { reason: "PAID" } });
    }
    expect(await getDb().paymentLink.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("createLink keeps a link of an order in the order's currency", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { currency: "EUR" });
    const error = await rejection(createLink(scope, { amountMinor: 100, currency: "XAF", orderId: order.id }));
    expect(error).toMatchObject({ code: "VALIDATION", details: { field: "currency" }, message: "currency must be the order's currency, EUR" });
  });
});

describe("redeeming links of an order", () => {
  it("a dynamic link takes exactly the rest at redeem time; nothing left reads and redeems as PAID", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 100000 });
    const { link } = await createOrderLink(scope, order.id, { kind: "dynamic", mode: "SANDBOX" });
    await recordPaymentElsewhere(scope, order.id, 25000);

    const page = await getPayPage(link.slug);
    expect(page).toMatchObject({ link: { amountMinor: 75000 }, gone: null });

    const { payment, link: redeemed } = await redeem(link.slug);
    expect(payment.amountMinor).toBe(75000);
    expect(redeemed.amountMinor).toBe(75000);
    expect(await getOrderOrThrow(scope, order.id)).toMatchObject({ pendingMinor: 75000, unpaidMinor: 0 });
    // the customer following the payment sees what it takes
    expect((await getPayPage(link.slug, payment.id))?.link.amountMinor).toBe(75000);

    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "test" });
    expect(await getOrderOrThrow(scope, order.id)).toMatchObject({ paidMinor: 100000, pendingMinor: 0, unpaidMinor: 0 });
    const more = await createLink(scope, { amountMinor: 100000, dynamicAmount: true, orderId: order.id });
    const gonePage = await getPayPage(more.slug);
    expect(gonePage).toMatchObject({ gone: "PAID", link: { amountMinor: 0 } });
    expect(payPageStatus(gonePage)).toBe(410);
    expect(await rejection(redeem(more.slug))).toMatchObject({ code: "GONE", details: { reason: "PAID" } });
    expect(await getDb().payment.count({ where: { linkId: more.id } })).toBe(0);
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: more.id } })).currentUses).toBe(0);
  });

  it("a fixed link above the rest is refused as UNAVAILABLE until a FAILED payment frees its part", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 100000 });
    const fixed = await createLink(scope, { amountMinor: 60000, orderId: order.id, maxUses: 2 });
    const { payment } = await redeem(fixed.slug);
    expect(await getOrderOrThrow(scope, order.id)).toMatchObject({ pendingMinor: 60000, unpaidMinor: 40000 });

    expect((await getPayPage(fixed.slug))?.gone).toBe("UNAVAILABLE");
    expect(await rejection(redeem(fixed.slug))).toMatchObject({ code: "GONE", details: { reason: "UNAVAILABLE" } });
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: fixed.id } })).currentUses).toBe(1);

    await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "INSUFFICIENT_FUNDS", actor: "test" });
    expect(await getOrderOrThrow(scope, order.id)).toMatchObject({ pendingMinor: 0, paidMinor: 0, unpaidMinor: 100000 });
    expect((await getPayPage(fixed.slug))?.gone).toBeNull();
    const retry = await redeem(fixed.slug);
    expect(retry.payment.amountMinor).toBe(60000);
  });

  it("the link's own state comes first, and links without an order are unchanged", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 1000 });
    const { link } = await createOrderLink(scope, order.id, { kind: "rest", mode: "SANDBOX" });
    await cancelLink(scope, link.id);
    await recordPaymentElsewhere(scope, order.id, 1000);
    expect(await rejection(redeem(link.slug))).toMatchObject({ code: "GONE", details: { reason: "CANCELLED" } });
    expect((await getPayPage(link.slug))?.gone).toBe("CANCELLED");

    const plain = await createLink(scope, { amountMinor: 999999, dynamicAmount: true });
    const { payment } = await redeem(plain.slug);
    expect(payment.amountMinor).toBe(999999);
    expect((await getPayPage(plain.slug))?.link.amountMinor).toBe(999999);
  });
});
