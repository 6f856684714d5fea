import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { WEBHOOK_TEST_TYPE } from "@/lib/domain/webhooks/events";
import type { WebhookBody } from "@/lib/domain/webhooks/payloads";
import type { DeliverySummary } from "@/lib/domain/webhooks/types";
import { invalidState } from "@/lib/errors";
import { SUMMARY_SELECT, toDeliverySummary } from "./to-views";
import { findEndpointOrThrow } from "./find-endpoint";

export const TEST_EVENT_MESSAGE = "A test event from Paylinks: if you can read this, your endpoint receives and verifies our webhooks.";

/**
 * Writes a `webhook.test` message to one enabled endpoint (whatever types it subscribes to),
 * delivered by the worker like any webhook; returns the delivery to follow. A disabled endpoint
 * is INVALID_STATE (enable it first); another merchant's is NOT_FOUND.
 */
export async function sendTestEvent(scope: Pick<MerchantScope, "merchantId">, endpointId: string, now: Date = new Date()): Promise<DeliverySummary> {
  return getDb().$transaction(async (tx) => {
    const endpoint = await findEndpointOrThrow(tx, scope.merchantId, endpointId);
    if (endpoint.disabledAt) throw invalidState("This endpoint is disabled: enable it to send a test event");
    const body: WebhookBody = {
      type: WEBHOOK_TEST_TYPE,
      timestamp: now.toISOString(),
      data: { endpoint_id: endpoint.id, message: TEST_EVENT_MESSAGE },
    };
    const row = await tx.outboxMessage.create({
      data: {
        merchantId: scope.merchantId,
        channel: "WEBHOOK",
        kind: WEBHOOK_TEST_TYPE,
        destination: endpoint.url,
        endpointId: endpoint.id,
        payload: { ...body },
        nextAttemptAt: now,
      },
      select: SUMMARY_SELECT,
    });
    return toDeliverySummary(row);
  });
}
