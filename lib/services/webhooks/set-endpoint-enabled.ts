import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { WebhookEndpointView } from "@/lib/domain/webhooks/types";
import { endpointNotFound } from "./errors";
import { findEndpointOrThrow } from "./find-endpoint";
import { toEndpointView } from "./to-views";

export const DISABLED_BY_MERCHANT = "Disabled by the merchant";

/**
 * Stops sending to an endpoint: no message is written for it any more, and the sender gives up
 * the ones already waiting (FAILED, "the endpoint is disabled"; they can be re-sent once it is
 * enabled again). An endpoint already disabled (by the merchant, or by the worker after a 410
 * Gone) stays as it is, with its reason.
 */
export async function disableWebhookEndpoint(
  scope: Pick<MerchantScope, "merchantId">,
  id: string,
  now: Date = new Date(),
): Promise<WebhookEndpointView> {
  if (!isUuid(id)) throw endpointNotFound();
  const db = getDb();
  await db.webhookEndpoint.updateMany({
    where: { id, merchantId: scope.merchantId, disabledAt: null },
    data: { disabledAt: now, disabledReason: DISABLED_BY_MERCHANT },
  });
  return toEndpointView(await findEndpointOrThrow(db, scope.merchantId, id));
}

/** Sends to the endpoint again, from the next event on; whatever disabled it (the merchant, a 410) is cleared. */
export async function enableWebhookEndpoint(scope: Pick<MerchantScope, "merchantId">, id: string): Promise<WebhookEndpointView> {
  if (!isUuid(id)) throw endpointNotFound();
  const db = getDb();
  const updated = await db.webhookEndpoint.updateMany({
    where: { id, merchantId: scope.merchantId },
    data: { disabledAt: null, disabledReason: null },
  });
  if (updated.count === 0) throw endpointNotFound();
  return toEndpointView(await findEndpointOrThrow(db, scope.merchantId, id));
}
