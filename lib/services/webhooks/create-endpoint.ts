import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { createEndpointSchema, MAX_WEBHOOK_ENDPOINTS, type CreateEndpointInput } from "@/lib/domain/webhooks/schemas";
import type { WebhookEndpointView } from "@/lib/domain/webhooks/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { notFound, validationError } from "@/lib/errors";
import { assertEndpointUrl } from "./endpoint-url";
import { toEndpointView } from "./to-views";

/**
 * Registers a webhook endpoint: a URL the server may call (see assertEndpointUrl) and the event
 * types it receives (at least one). A merchant has at most MAX_WEBHOOK_ENDPOINTS endpoints, each
 * URL once; the merchant's row is locked while this is checked, so two saves at once cannot
 * overtake the rule. Refusals are VALIDATION errors naming `url` or `events`.
 */
export async function createWebhookEndpoint(scope: Pick<MerchantScope, "merchantId">, input: CreateEndpointInput): Promise<WebhookEndpointView> {
  const data = parseOrThrow(createEndpointSchema, input);
  const url = assertEndpointUrl(data.url);
  if (!isUuid(scope.merchantId)) throw notFound("merchant");
  return getDb().$transaction(async (tx) => {
    const merchant = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM merchants WHERE id = ${scope.merchantId}::uuid FOR UPDATE`;
    if (merchant.length === 0) throw notFound("merchant");
    const existing = await tx.webhookEndpoint.findMany({ where: { merchantId: scope.merchantId }, select: { url: true } });
    if (existing.some((endpoint) => endpoint.url === url)) throw validationError("url", "url is already one of your webhook endpoints");
    if (existing.length >= MAX_WEBHOOK_ENDPOINTS) {
      throw validationError("url", `You can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints: remove one first`);
    }
    const row = await tx.webhookEndpoint.create({ data: { merchantId: scope.merchantId, url, events: data.events } });
    return toEndpointView(row);
  });
}
