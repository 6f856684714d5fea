import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { assertAmountWithinRest } from "@/lib/domain/orders/balance";
import { orderAmountSchema } from "@/lib/domain/orders/schemas";
import type { OrderView } from "@/lib/domain/orders/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { findOrder } from "./find-order";
import { lockOrder } from "./lock-order";

/**
 * Records an amount paid outside the product (cash, bank transfer) toward an order: at least 1
 * and at most the unpaid rest (VALIDATION on `amount`, naming the limit), checked and written
 * under the order's row lock so that it cannot race a redeem of one of its links.
 */
export async function recordPaymentElsewhere(scope: MerchantScope, orderId: string, amountMinor: number): Promise<OrderView> {
  const { amount } = parseOrThrow(orderAmountSchema, { amount: amountMinor });
  return getDb().$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId, scope.merchantId);
    if (!order) throw notFound("order");
    assertAmountWithinRest(amount, order.unpaidMinor);
    await tx.order.update({ where: { id: order.id }, data: { paidElsewhereMinor: { increment: BigInt(amount) } } });
    await recordEvent(tx, {
      merchantId: scope.merchantId,
      type: "order.paid_elsewhere",
      actor: scope.actor,
      data: { order_id: order.id, amount_minor: amount, paid_elsewhere_minor: order.paidElsewhereMinor + amount },
    });
    return (await findOrder(tx, order.id))!;
  });
}
