import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { updateEndpointSchema, type UpdateEndpointInput } from "@/lib/domain/webhooks/schemas";
import type { WebhookEndpointView } from "@/lib/domain/webhooks/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { endpointNotFound } from "./errors";
import { findEndpointOrThrow } from "./find-endpoint";
import { toEndpointView } from "./to-views";

/**
 * Changes the event types an endpoint receives (at least one). Messages already written keep
 * going; the next events follow the new choice. The URL does not change: add a new endpoint.
 */
export async function updateWebhookEndpoint(
  scope: Pick<MerchantScope, "merchantId">,
  id: string,
  input: UpdateEndpointInput,
): Promise<WebhookEndpointView> {
  const data = parseOrThrow(updateEndpointSchema, input);
  if (!isUuid(id)) throw endpointNotFound();
  const db = getDb();
  const updated = await db.webhookEndpoint.updateMany({ where: { id, merchantId: scope.merchantId }, data: { events: data.events } });
  if (updated.count === 0) throw endpointNotFound();
  return toEndpointView(await findEndpointOrThrow(db, scope.merchantId, id));
}
