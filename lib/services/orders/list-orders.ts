import { getDb } from "@/lib/db/client";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { listOrdersInputSchema } from "@/lib/domain/orders/schemas";
import type { OrderKind, OrderView } from "@/lib/domain/orders/types";
import { parseOrThrow } from "@/lib/domain/validation";
import type { Page } from "@/lib/services/links/list-links";
import { toOrderLink } from "./to-order-link";
import { toOrderViews } from "./to-order-view";

export type OrderWithLinks = OrderView & { links: PaymentLink[] };

/** The merchant's orders, newest first, each with what is paid and its links (newest first). */
export async function listOrders(
  scope: Pick<MerchantScope, "merchantId">,
  input: { kind?: OrderKind; page?: number; limit?: number } = {},
): Promise<Page<OrderWithLinks>> {
  const query = parseOrThrow(listOrdersInputSchema, input);
  const where = { merchantId: scope.merchantId, ...(query.kind ? { kind: query.kind } : {}) };
  const db = getDb();
  const [rows, total] = await db.$transaction([
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      include: { links: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] } },
    }),
    db.order.count({ where }),
  ]);
  const views = await toOrderViews(db, rows);
  const now = new Date();
  return {
    items: views.map((order, i) => ({ ...order, links: rows[i]!.links.map((link) => toOrderLink(link, order.unpaidMinor, now)) })),
    page: query.page,
    limit: query.limit,
    total,
    totalPages: Math.ceil(total / query.limit),
  };
}
