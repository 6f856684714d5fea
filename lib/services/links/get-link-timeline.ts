import { getDb, isUuid } from "@/lib/db/client";
import { compareTimelineEvents, type TimelineEvent } from "@/lib/domain/links/timeline";
import type { MerchantScope } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";

/** Everything that happened to one of the merchant's links and to its payments, oldest first. */
export async function getLinkTimeline(scope: Pick<MerchantScope, "merchantId">, linkId: string): Promise<TimelineEvent[]> {
  if (!isUuid(linkId)) throw notFound("payment_link");
  const db = getDb();
  const link = await db.paymentLink.findFirst({ where: { id: linkId, merchantId: scope.merchantId }, select: { id: true } });
  if (!link) throw notFound("payment_link");
  const rows = await db.event.findMany({
    where: { merchantId: scope.merchantId, OR: [{ linkId }, { payment: { linkId } }] },
    select: { id: true, type: true, actor: true, data: true, createdAt: true, paymentId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows
    .map((row): TimelineEvent => ({ ...row, data: isObject(row.data) ? row.data : {} }))
    .sort(compareTimelineEvents);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
