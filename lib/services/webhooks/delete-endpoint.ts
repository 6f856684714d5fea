import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { findEndpointOrThrow } from "./find-endpoint";

export const ENDPOINT_DELETED = "The endpoint was deleted";

/**
 * Deletes an endpoint. Its deliveries stay in the list (with the URL they went to); those still
 * waiting for an attempt are given up (FAILED, "The endpoint was deleted") in the same
 * transaction, so nothing more is sent to it. One in flight at that moment finishes.
 */
export async function deleteWebhookEndpoint(scope: Pick<MerchantScope, "merchantId">, id: string, now: Date = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const endpoint = await findEndpointOrThrow(tx, scope.merchantId, id);
    await tx.outboxMessage.updateMany({
      where: {
        endpointId: endpoint.id,
        merchantId: scope.merchantId,
        channel: "WEBHOOK",
        // Waiting, or claimed by a worker whose lease ran out (it would be claimed again).
        OR: [{ status: "PENDING" }, { status: "SENDING", lockedUntil: { lt: now } }],
      },
      data: { status: "FAILED", lastError: ENDPOINT_DELETED, lockedUntil: null },
    });
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });
}
