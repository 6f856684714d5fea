import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { WebhookEndpointView } from "@/lib/domain/webhooks/types";
import { toEndpointView } from "./to-views";

/** The merchant's webhook endpoints, oldest first (enabled and disabled alike). */
export async function listWebhookEndpoints(scope: Pick<MerchantScope, "merchantId">): Promise<WebhookEndpointView[]> {
  const rows = await getDb().webhookEndpoint.findMany({
    where: { merchantId: scope.merchantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toEndpointView);
}
