import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestOrder } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { createOrder } from "./create-order";
import { createOrderLink } from "./create-order-link";
import { getOrderByNumberOrThrow } from "./get-order-by-number-or-throw";
import { getOrderOrThrow } from "./get-order-or-throw";
import { listOrders } from "./list-orders";
import { recordPaymentElsewhere } from "./record-payment-elsewhere";

describe("createOrder", () => {
  it("records an order with nothing paid yet, and an order.created event without a link", async () => {
    const scope = await createMerchant();
    const order = await createOrder(scope, { kind: "SALES_ORDER", number: 1012, totalMinor: 250000, currency: "eur", description: "Bike" });
    expect(order).toMatchObject({
      merchantId: scope.merchantId,
      kind: "SALES_ORDER",
      number: 1012,
      totalMinor: 250000,
      currency: "EUR",
      description: "Bike",
      parentId: null,
      paidElsewhereMinor: 0,
      paidMinor: 0,
      pendingMinor: 0,
      unpaidMinor: 250000,
    });
    const events = await getDb().event.findMany({ where: { merchantId: scope.merchantId } });
    expect(events).toMatchObject([{ type: "order.created", linkId: null, actor: scope.actor, data: { order_id: order.id, number: 1012 } }]);
  });

  it("refuses a number already used for that kind, naming it, but allows it for the other kind and another merchant", async () => {
    const scope = await createMerchant();
    await createTestOrder(scope, { number: 77 });
    const conflict = await rejection(createTestOrder(scope, { number: 77 }));
    expect(conflict).toMatchObject({ code: "CONFLICT", message: "Sales order 77 already exists", details: { field: "order_number" } });
    const invoiceConflict = await rejection(
      (async () => {
        await createTestOrder(scope, { kind: "INVOICE", number: 77 });
        return createTestOrder(scope, { kind: "INVOICE", number: 77 });
      })(),
    );
    expect(invoiceConflict.message).toBe("Invoice 77 already exists");
    await expect(createTestOrder(await createMerchant(), { number: 77 })).resolves.toMatchObject({ number: 77 });
  });

  it("lets an invoice belong to a sales order of the same merchant only", async () => {
    const scope = await createMerchant();
    const salesOrder = await createTestOrder(scope);
    const invoice = await createTestOrder(scope, { kind: "INVOICE", parentOrderId: salesOrder.id });
    expect(invoice.parentId).toBe(salesOrder.id);

    const foreign = await createTestOrder(await createMerchant());
    for (const parentOrderId of [invoice.id, foreign.id, randomUUID()]) {
      const error = await rejection(createTestOrder(scope, { kind: "INVOICE", parentOrderId }));
      expect(error).toMatchObject({ code: "VALIDATION", details: { field: "parent_order_id" } });
    }
    expect((await rejection(createTestOrder(scope, { parentOrderId: "nope" }))).details.field).toBe("parent_order_id");
  });

  it.each([
    [{ number: 0 }, "order_number"],
    [{ totalMinor: 0 }, "total"],
    [{ totalMinor: 12.5 }, "total"],
    [{ currency: "ZZZ" }, "currency"],
    [{ kind: "QUOTE" as never }, "kind"],
  ])("refuses %j naming %s, and stores nothing", async (patch, field) => {
    const scope = await createMerchant();
    expect((await rejection(createTestOrder(scope, patch))).details.field).toBe(field);
    expect(await getDb().order.count({ where: { merchantId: scope.merchantId } })).toBe(0);
  });
});

describe("reading orders", () => {
  it("finds an order by id and by number, and never another merchant's", async () => {
    const scope = await createMerchant();
    const other = await createMerchant();
    const order = await createTestOrder(scope, { kind: "INVOICE", number: 2001 });
    expect(await getOrderOrThrow(scope, order.id)).toEqual(order);
    expect(await getOrderByNumberOrThrow(scope, "INVOICE", 2001)).toEqual(order);

    for (const read of [
      () => getOrderOrThrow(other, order.id),
      () => getOrderOrThrow(scope, "not-a-uuid"),
      () => getOrderOrThrow(scope, randomUUID()),
      () => getOrderByNumberOrThrow(other, "INVOICE", 2001),
      () => getOrderByNumberOrThrow(scope, "SALES_ORDER", 2001),
      () => getOrderByNumberOrThrow(scope, "INVOICE", 1.5),
      () => getOrderByNumberOrThrow(scope, "INVOICE", -1),
      () => getOrderByNumberOrThrow(scope, "QUOTE" as never, 2001),
    ]) {
      expect(await rejection(read())).toMatchObject({ code: "NOT_FOUND", message: "Order not found" });
    }
  });

  it("lists the merchant's orders newest first with their links, filtered by kind and paginated", async () => {
    const scope = await createMerchant();
    await createTestOrder(await createMerchant()); // someone else's
    const first = await createTestOrder(scope);
    const invoice = await createTestOrder(scope, { kind: "INVOICE" });
    const last = await createTestOrder(scope);
    const { link } = await createOrderLink(scope, last.id, { kind: "dynamic", mode: "SANDBOX" });

    const all = await listOrders(scope);
    expect(all).toMatchObject({ page: 1, limit: 20, total: 3 });
    expect(all.items.map((o) => o.id)).toEqual([last.id, invoice.id, first.id]);
    expect(all.items[0]!.links.map((l) => l.id)).toEqual([link.id]);
    expect(all.items[1]!.links).toEqual([]);

    expect((await listOrders(scope, { kind: "INVOICE" })).items.map((o) => o.id)).toEqual([invoice.id]);
    const page2 = await listOrders(scope, { page: 2, limit: 2 });
    expect(page2).toMatchObject({ page: 2, limit: 2, total: 3 });
    expect(page2.items.map((o) => o.id)).toEqual([first.id]);
    expect((await rejection(listOrders(scope, { limit: 0 }))).details.field).toBe("limit");
  });
});

describe("recordPaymentElsewhere", () => {
  it("adds to what is paid, up to the unpaid rest (pending payments hold their part)", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 250000, currency: "EUR" });
    expect(await recordPaymentElsewhere(scope, order.id, 10000)).toMatchObject({ paidElsewhereMinor: 10000, paidMinor: 10000, unpaidMinor: 240000 });

    const { link } = await createOrderLink(scope, order.id, { kind: "advance", amountMinor: 40000, mode: "SANDBOX" });
    const { payment } = await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    const withPending = await getOrderOrThrow(scope, order.id);
    expect(withPending).toMatchObject({ paidMinor: 10000, pendingMinor: 40000, unpaidMinor: 200000 });

    const above = await rejection(recordPaymentElsewhere(scope, order.id, 200001));
    expect(above).toMatchObject({ code: "VALIDATION", message: "amount must be at most 200000 (the unpaid rest)", details: { field: "amount" } });
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "test" });
    expect(await recordPaymentElsewhere(scope, order.id, 200000)).toMatchObject({
      paidElsewhereMinor: 210000,
      paidMinor: 250000,
      pendingMinor: 0,
      unpaidMinor: 0,
    });
    expect((await rejection(recordPaymentElsewhere(scope, order.id, 1))).details.field).toBe("amount");
    const events = await getDb().event.findMany({ where: { merchantId: scope.merchantId, type: "order.paid_elsewhere" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { order_id: order.id, amount_minor: 10000, paid_elsewhere_minor: 10000 },
      { order_id: order.id, amount_minor: 200000, paid_elsewhere_minor: 210000 },
    ]);
  });

  it("refuses amounts below 1 or fractional, and another merchant's order", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope);
    for (const amount of [0, -5, 1.5]) {
      expect(await rejection(recordPaymentElsewhere(scope, order.id, amount))).toMatchObject({ code: "VALIDATION", details: { field: "amount" } });
    }
    const other = await createMerchant();
    expect((await rejection(recordPaymentElsewhere(other, order.id, 10))).code).toBe("NOT_FOUND");
    expect((await getOrderOrThrow(scope, order.id)).paidElsewhereMinor).toBe(0);
  });

  it("never records more than the rest under concurrency", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 1000 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => recordPaymentElsewhere(scope, order.id, 300)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await getOrderOrThrow(scope, order.id)).toMatchObject({ paidElsewhereMinor: 900, unpaidMinor: 100 });
  });
});
