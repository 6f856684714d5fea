import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { DeliveryDetail } from "@/lib/domain/webhooks/types";
import { deliveryNotFound } from "./errors";
import { toDeliveryDetail } from "./to-views";

/** One of the merchant's webhook deliveries with its body, last request and last response. */
export async function getDelivery(scope: Pick<MerchantScope, "merchantId">, id: string): Promise<DeliveryDetail> {
  if (!isUuid(id)) throw deliveryNotFound();
  const row = await getDb().outboxMessage.findFirst({
    where: { id, merchantId: scope.merchantId, channel: "WEBHOOK" },
    include: { endpoint: { select: { id: true, url: true, disabledAt: true } } },
  });
  if (!row) throw deliveryNotFound();
  return toDeliveryDetail(row);
}
