import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { OrderView } from "@/lib/domain/orders/types";
import { notFound } from "@/lib/errors";
import { findOrder } from "./find-order";

/** One of the merchant's orders with what is paid of it; a foreign or malformed id is NOT_FOUND ("Order not found"). */
export async function getOrderOrThrow(scope: Pick<MerchantScope, "merchantId">, id: string): Promise<OrderView> {
  const order = await findOrder(getDb(), id, scope.merchantId);
  if (!order) throw notFound("order");
  return order;
}
