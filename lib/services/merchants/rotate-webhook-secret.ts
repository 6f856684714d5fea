import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { newWebhookSecret } from "@/lib/domain/merchants/webhook-secret";
import { notFound } from "@/lib/errors";

/** Replaces the merchant's webhook signing secret; webhooks are signed with the new one from now on. */
export async function rotateWebhookSecret(scope: Pick<MerchantScope, "merchantId">): Promise<string> {
  const webhookSecret = newWebhookSecret();
  const updated = await getDb().merchant.updateMany({ where: { id: scope.merchantId }, data: { webhookSecret } });
  if (updated.count === 0) throw notFound("merchant");
  return webhookSecret;
}
