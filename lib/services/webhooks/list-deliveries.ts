import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { listDeliveriesSchema, type ListDeliveriesInput } from "@/lib/domain/webhooks/schemas";
import type { DeliverySummary } from "@/lib/domain/webhooks/types";
import { parseOrThrow } from "@/lib/domain/validation";
import type { Page } from "@/lib/services/links/list-links";
import { findEndpointOrThrow } from "./find-endpoint";
import { SUMMARY_SELECT, toDeliverySummary } from "./to-views";

/**
 * The merchant's webhook deliveries (outbox messages of channel WEBHOOK), newest first,
 * optionally of one endpoint (another merchant's is NOT_FOUND) or in one status, paginated.
 */
export async function listDeliveries(scope: Pick<MerchantScope, "merchantId">, input: ListDeliveriesInput = {}): Promise<Page<DeliverySummary>> {
  const query = parseOrThrow(listDeliveriesSchema, input);
  const db = getDb();
  if (query.endpointId) await findEndpointOrThrow(db, scope.merchantId, query.endpointId);
  const where: Prisma.OutboxMessageWhereInput = {
    merchantId: scope.merchantId,
    channel: "WEBHOOK",
    ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.outboxMessage.findMany({
      where,
      select: SUMMARY_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
    db.outboxMessage.count({ where }),
  ]);
  return {
    items: rows.map(toDeliverySummary),
    page: query.page,
    limit: query.limit,
    total,
    totalPages: Math.ceil(total / query.limit),
  };
}
