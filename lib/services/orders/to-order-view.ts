import type { Order as OrderRow, Prisma } from "@/lib/generated/prisma/client";
import { orderBalance } from "@/lib/domain/orders/balance";
import type { OrderView } from "@/lib/domain/orders/types";
import { fromStoredMinor } from "@/lib/money";
import { readOrderSums } from "./read-order-sums";

/**
 * Stored orders as the domain sees them, with what is paid, pending and unpaid of each (one
 * query for all of them). Inside a transaction that locked the orders, the figures are exact.
 */
export async function toOrderViews(db: Prisma.TransactionClient, rows: readonly OrderRow[]): Promise<OrderView[]> {
  const sums = await readOrderSums(db, rows.map((row) => row.id));
  return rows.map((row) => {
    const order = {
      id: row.id,
      merchantId: row.merchantId,
      kind: row.kind,
      // Order numbers pass orderNumberSchema (safe integers) on the way in.
      number: Number(row.number),
      totalMinor: fromStoredMinor(row.totalMinor),
      currency: row.currency,
      description: row.description,
      parentId: row.parentId,
      paidElsewhereMinor: fromStoredMinor(row.paidElsewhereMinor),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
    const { paidMinor, pendingMinor, unpaidMinor } = orderBalance(order, sums.get(row.id)!);
    return { ...order, paidMinor, pendingMinor, unpaidMinor };
  });
}
