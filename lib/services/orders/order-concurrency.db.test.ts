import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createLink } from "@/lib/services/links/create-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestOrder } from "@/lib/testing/factories";
import { getOrderOrThrow } from "./get-order-or-throw";
import { recordPaymentElsewhere } from "./record-payment-elsewhere";

async function reservedFor(orderId: string): Promise<{ count: number; sum: number }> {
  const payments = await getDb().payment.findMany({ where: { link: { orderId }, status: { in: ["PENDING", "SUCCESSFUL"] } } });
  return { count: payments.length, sum: payments.reduce((total, p) => total + Number(p.amountMinor), 0) };
}

let nextNumber = 1_000_000;
/** Each redeem from a number of its own: a number with a pending payment on the link gets it back. */
const redeemAll = (slugs: string[], n: number) =>
  Promise.allSettled(
    Array.from({ length: n }, (_, i) =>
      redeemLink({ slug: slugs[i % slugs.length]!, provider: i % 2 ? "MTN_CAM" : "ORANGE_CAM", phoneNumber: `${i % 2 ? "67" : "69"}${nextNumber++}` }),
    ),
  );

function refusals(results: PromiseSettledResult<unknown>[]): AppError[] {
  return results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as AppError);
}

describe("order-level payment under concurrency (real database)", () => {
  it("50 redeems over two dynamic links and a fixed one never collect more than the unpaid rest", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 100000 });
    await recordPaymentElsewhere(scope, order.id, 10000);
    const links = await Promise.all([
      createLink(scope, { amountMinor: 90000, dynamicAmount: true, orderId: order.id, maxUses: 100 }),
      createLink(scope, { amountMinor: 90000, dynamicAmount: true, orderId: order.id, maxUses: 100 }),
      createLink(scope, { amountMinor: 30000, orderId: order.id, maxUses: 100 }),
    ]);

    const results = await redeemAll(
      links.map((l) => l.slug),
      50,
    );
    const refused = refusals(results);
    expect(results.length - refused.length).toBeGreaterThanOrEqual(1);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("GONE");
      expect(["PAID", "UNAVAILABLE"]).toContain(error.details.reason);
    }
    // A dynamic redeem takes whatever is left, so the rest is reserved exactly, never more.
    const reserved = await reservedFor(order.id);
    expect(reserved.sum).toBe(90000);
    expect(reserved.count).toBe(results.length - refused.length);
    expect(await getOrderOrThrow(scope, order.id)).toMatchObject({ paidMinor: 10000, pendingMinor: 90000, unpaidMinor: 0 });
    const uses = await getDb().paymentLink.aggregate({ where: { orderId: order.id }, _sum: { currentUses: true } });
    expect(uses._sum.currentUses).toBe(reserved.count);

    const pending = await getDb().payment.findMany({ where: { link: { orderId: order.id }, status: "PENDING" } });
    for (const payment of pending) await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "test" });
    const paid = await getOrderOrThrow(scope, order.id);
    const successful = await getDb().payment.aggregate({ where: { link: { orderId: order.id }, status: "SUCCESSFUL" }, _sum: { amountMinor: true } });
    expect(paid.paidMinor).toBe(paid.paidElsewhereMinor + Number(successful._sum.amountMinor));
    expect(paid).toMatchObject({ paidMinor: 100000, pendingMinor: 0, unpaidMinor: 0, totalMinor: 100000 });
  });

  it("50 redeems of a fixed 30000 link with 100 uses on a rest of 90000 make exactly three payments", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { totalMinor: 100000 });
    await recordPaymentElsewhere(scope, order.id, 10000);
    const link = await createLink(scope, { amountMinor: 30000, orderId: order.id, maxUses: 100 });

    const results = await redeemAll([link.slug], 50);
    const refused = refusals(results);
    expect(refused).toHaveLength(47);
    expect(new Set(refused.map((e) => e.details.reason))).toEqual(new Set(["PAID"]));
    expect(await reservedFor(order.id)).toEqual({ count: 3, sum: 90000 });
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).currentUses).toBe(3);

    // a failed payment frees its part for the next redeem, and only that part
    const [first] = await getDb().payment.findMany({ where: { linkId: link.id } });
    await settlePayment({ paymentId: first!.id, outcome: "FAILED", failureReason: "PAYER_REJECTED", actor: "test" });
    const again = await redeemAll([link.slug], 10);
    expect(again.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await reservedFor(order.id)).toEqual({ count: 3, sum: 90000 });
  });
});
