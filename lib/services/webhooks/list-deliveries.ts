import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { listDeliveriesSchema } from "@/lib/domain/webhooks/schemas";
import type { DeliverySummary } from "@/lib/domain/webhooks/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { readCursorPage, type CursorPage } from "@/lib/services/paging/cursor-page";
import type { KeyColumn } from "@/lib/services/paging/keyset";
import { findEndpointOrThrow } from "./find-endpoint";
import { SUMMARY_SELECT, toDeliverySummary } from "./to-views";

const cursor = (name: "after" | "before") =>
  z.string({ error: `${name} must be a cursor` }).max(500, `${name} is not a cursor of this list`).optional();

/** The filters of listDeliveriesSchema, by cursor instead of page number. */
export const listDeliveriesByCursorSchema = listDeliveriesSchema.omit({ page: true }).extend({ after: cursor("after"), before: cursor("before") });
export type ListDeliveriesByCursorInput = z.input<typeof listDeliveriesByCursorSchema>;

/** Newest first; the id breaks ties. */
const KEY: KeyColumn[] = [
  { field: "createdAt", direction: "desc", type: "date" },
  { field: "id", direction: "desc", type: "uuid" },
];

/**
 * The merchant's webhook deliveries (outbox messages of channel WEBHOOK), newest first,
 * optionally of one endpoint (another merchant's is NOT_FOUND) or in one status, by cursor.
 */
export async function listDeliveries(
  scope: Pick<MerchantScope, "merchantId">,
  input: ListDeliveriesByCursorInput = {},
): Promise<CursorPage<DeliverySummary>> {
  const query = parseOrThrow(listDeliveriesByCursorSchema, input);
  const db = getDb();
  if (query.endpointId) await findEndpointOrThrow(db, scope.merchantId, query.endpointId);
  const where: Prisma.OutboxMessageWhereInput = {
    merchantId: scope.merchantId,
    channel: "WEBHOOK",
    ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const page = await readCursorPage(
    {
      columns: KEY,
      where,
      findMany: (args) => db.outboxMessage.findMany({ ...(args as Prisma.OutboxMessageFindManyArgs), select: SUMMARY_SELECT }),
      count: (args) => db.outboxMessage.count(args as Prisma.OutboxMessageCountArgs),
    },
    { limit: query.limit, after: query.after, before: query.before },
  );
  return { ...page, items: page.items.map(toDeliverySummary) };
}
