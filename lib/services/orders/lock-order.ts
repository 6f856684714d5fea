import { isUuid } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderView } from "@/lib/domain/orders/types";
import { findOrder } from "./find-order";

/**
 * Locks the order row (SELECT ... FOR UPDATE) until the transaction ends and reads its balance:
 * every change of what an order collects (a redeem of one of its links, a new link, a payment
 * recorded elsewhere) runs under this lock, so they happen one after another per order.
 * Lock order everywhere: the order first, then a link row. Null for an unknown or malformed id
 * or (with a merchant) another merchant's order.
 */
export async function lockOrder(tx: Prisma.TransactionClient, id: string, merchantId?: string): Promise<OrderView | null> {
  if (!isUuid(id)) return null;
  const locked = merchantId
    ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM orders WHERE id = ${id}::uuid AND merchant_id = ${merchantId}::uuid FOR UPDATE`
    : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM orders WHERE id = ${id}::uuid FOR UPDATE`;
  return locked.length === 0 ? null : findOrder(tx, id);
}
