import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { newWebhookSecret, previousSecretExpiry } from "@/lib/domain/merchants/webhook-secret";
import { notFound } from "@/lib/errors";

/**
 * Replaces the merchant's webhook signing secret and returns the new one. The secret it replaces
 * keeps signing (as a second signature) for 24 hours, so receivers can switch without missing a
 * webhook: previous_webhook_secret = the old secret, previous_webhook_secret_expires_at = now +
 * 24 h. A second rotation within those 24 hours drops the older secret at once (only one
 * previous secret is kept). One UPDATE, so two rotations at once cannot lose a secret in between.
 */
export async function rotateWebhookSecret(scope: Pick<MerchantScope, "merchantId">, now: Date = new Date()): Promise<string> {
  if (!isUuid(scope.merchantId)) throw notFound("merchant");
  const webhookSecret = newWebhookSecret();
  const expiresAt = previousSecretExpiry(now);
  const updated = await getDb().$executeRaw`
    UPDATE merchants
       SET previous_webhook_secret = webhook_secret,
           previous_webhook_secret_expires_at = ${expiresAt},
           webhook_secret = ${webhookSecret},
           updated_at = now()
     WHERE id = ${scope.merchantId}::uuid`;
  if (updated === 0) throw notFound("merchant");
  return webhookSecret;
}
