import { isUuid } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderView } from "@/lib/domain/orders/types";
import { toOrderViews } from "./to-order-view";

/**
 * One order with its balance, or null (unknown, malformed id, or another merchant's when a
 * merchant is given). Without a merchant it is for public reads of a link's order (pay page).
 */
export async function findOrder(db: Prisma.TransactionClient, id: string, merchantId?: string): Promise<OrderView | null> {
  if (!isUuid(id)) return null;
  const row = await db.order.findFirst({ where: { id, ...(merchantId ? { merchantId } : {}) } });
  return row ? (await toOrderViews(db, [row]))[0]! : null;
}
