import type { OutboxStatus } from "@/lib/generated/prisma/client";
import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { DeliverySummary } from "@/lib/domain/webhooks/types";
import { invalidState } from "@/lib/errors";
import { deliveryNotFound } from "./errors";
import { SUMMARY_SELECT, toDeliverySummary } from "./to-views";

/**
 * Sends a delivery again: the same message is put back to PENDING, due now, with its attempts
 * counted from zero (a fresh retry schedule). It is not copied, so it keeps its id, which is the
 * `webhook-id` header: Standard Webhooks asks for the same id when a message is re-sent, so a
 * receiver that already handled it can tell. The last attempt's status, request and response
 * stay visible until the next attempt replaces them.
 *
 * Refused (INVALID_STATE) while an attempt is in flight, and when its endpoint was deleted or
 * is disabled (enable it first). Another merchant's id is NOT_FOUND.
 */
export async function resendDelivery(scope: Pick<MerchantScope, "merchantId">, id: string, now: Date = new Date()): Promise<DeliverySummary> {
  if (!isUuid(id)) throw deliveryNotFound();
  return getDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: OutboxStatus; locked_until: Date | null; endpoint_id: string | null }[]>`
      SELECT status, locked_until, endpoint_id
        FROM outbox_messages
       WHERE id = ${id}::uuid AND merchant_id = ${scope.merchantId}::uuid AND channel = 'WEBHOOK'
         FOR UPDATE`;
    if (!row) throw deliveryNotFound();
    if (row.status === "SENDING" && row.locked_until && row.locked_until.getTime() > now.getTime()) {
      throw invalidState("This delivery is being sent right now: wait for the attempt to end");
    }
    if (!row.endpoint_id) throw invalidState("The endpoint of this delivery was deleted: it cannot be re-sent");
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: row.endpoint_id }, select: { disabledAt: true } });
    if (!endpoint) throw invalidState("The endpoint of this delivery was deleted: it cannot be re-sent");
    if (endpoint.disabledAt) throw invalidState("The endpoint of this delivery is disabled: enable it to re-send");
    const updated = await tx.outboxMessage.update({
      where: { id },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lockedUntil: null, sentAt: null },
      select: SUMMARY_SELECT,
    });
    return toDeliverySummary(updated);
  });
}
