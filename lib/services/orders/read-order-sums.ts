import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderPaymentSums } from "@/lib/domain/orders/types";
import { fromStoredMinor } from "@/lib/money";

/**
 * Adds up the PENDING and SUCCESSFUL payments through the links of each order, in one query
 * (FAILED ones count for nothing, which is how a failed payment frees its part of the order; a
 * success flagged as an over-collection counts for nothing either: it is money to refund).
 * Orders without such payments map to zeros. Run it inside the transaction that locked the order
 * when the answer decides something.
 */
export async function readOrderSums(db: Prisma.TransactionClient, orderIds: readonly string[]): Promise<Map<string, OrderPaymentSums>> {
  const sums = new Map<string, OrderPaymentSums>(orderIds.map((id) => [id, { successfulMinor: 0, pendingMinor: 0 }]));
  if (orderIds.length === 0) return sums;
  const rows = await db.$queryRaw<{ order_id: string; successful: bigint; pending: bigint }[]>`
    SELECT l.order_id::text AS order_id,
           COALESCE(SUM(p.amount_minor) FILTER (WHERE p.status = 'SUCCESSFUL' AND p.over_collected_at IS NULL), 0)::bigint AS successful,
           COALESCE(SUM(p.amount_minor) FILTER (WHERE p.status = 'PENDING'), 0)::bigint AS pending
      FROM payments p
      JOIN payment_links l ON l.id = p.link_id
     WHERE l.order_id = ANY(${[...orderIds]}::uuid[])
       AND p.status IN ('PENDING', 'SUCCESSFUL')
     GROUP BY l.order_id`;
  for (const row of rows) {
    sums.set(row.order_id, { successfulMinor: fromStoredMinor(row.successful), pendingMinor: fromStoredMinor(row.pending) });
  }
  return sums;
}
