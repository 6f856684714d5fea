import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import {
  updateNotificationSettingsSchema,
  type NotificationSettings,
  type UpdateNotificationSettingsInput,
} from "@/lib/domain/merchants/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { notFound } from "@/lib/errors";

const SELECT = { notifyPayments: true, notificationEmail: true } as const;

/** Whether the merchant gets an email per successful payment, and where. */
export async function getNotificationSettings(scope: Pick<MerchantScope, "merchantId">): Promise<NotificationSettings> {
  const row = await getDb().merchant.findUnique({ where: { id: scope.merchantId }, select: SELECT });
  if (!row) throw notFound("merchant");
  return row;
}

/**
 * Turns the email per successful payment on or off and sets its address (both at once: turning
 * it on needs an address). Payments settled from now on follow the new settings.
 */
export async function updateNotificationSettings(
  scope: Pick<MerchantScope, "merchantId">,
  input: UpdateNotificationSettingsInput,
): Promise<NotificationSettings> {
  const data = parseOrThrow(updateNotificationSettingsSchema, input);
  const db = getDb();
  const updated = await db.merchant.updateMany({ where: { id: scope.merchantId }, data });
  if (updated.count === 0) throw notFound("merchant");
  return db.merchant.findUniqueOrThrow({ where: { id: scope.merchantId }, select: SELECT });
}
