import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { displayWebhookSecret } from "@/lib/domain/merchants/webhook-secret";
import type { WebhookSigning } from "@/lib/domain/webhooks/types";
import { notFound } from "@/lib/errors";

/**
 * The merchant's signing secret as it should be copied (`whsec_` + standard base64: see
 * displayWebhookSecret) and until when the previous one still signs (null when it no longer does).
 */
export async function getWebhookSigning(scope: Pick<MerchantScope, "merchantId">, now: Date = new Date()): Promise<WebhookSigning> {
  if (!isUuid(scope.merchantId)) throw notFound("merchant");
  const row = await getDb().merchant.findUnique({
    where: { id: scope.merchantId },
    select: { webhookSecret: true, previousWebhookSecret: true, previousWebhookSecretExpiresAt: true },
  });
  if (!row) throw notFound("merchant");
  const until = row.previousWebhookSecretExpiresAt;
  return {
    secret: displayWebhookSecret(row.webhookSecret),
    previousValidUntil: row.previousWebhookSecret && until && until.getTime() > now.getTime() ? until : null,
  };
}
