import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { ORDER_KINDS, type OrderKind, type OrderView } from "@/lib/domain/orders/types";
import { notFound } from "@/lib/errors";
import { toOrderViews } from "./to-order-view";

/**
 * One of the merchant's orders by its sales order id or invoice number (how CycleSoftware names
 * them). A number or kind that cannot name an order is NOT_FOUND, like an unknown one.
 */
export async function getOrderByNumberOrThrow(scope: Pick<MerchantScope, "merchantId">, kind: OrderKind, number: number): Promise<OrderView> {
  if (!ORDER_KINDS.includes(kind) || !Number.isSafeInteger(number) || number < 1) throw notFound("order");
  const db = getDb();
  const row = await db.order.findUnique({ where: { merchantId_kind_number: { merchantId: scope.merchantId, kind, number: BigInt(number) } } });
  if (!row) throw notFound("order");
  return (await toOrderViews(db, [row]))[0]!;
}
