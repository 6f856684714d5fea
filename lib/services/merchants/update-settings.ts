import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { updateSettingsSchema, type UpdateSettingsInput } from "@/lib/domain/merchants/schemas";
import type { MerchantSettings } from "@/lib/domain/merchants/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { notFound } from "@/lib/errors";
import { SETTINGS_SELECT, toMerchantSettings } from "./to-merchant-settings";

/** Changes the settings given (a field left out stays as it is; an empty URL clears it) and returns them all. */
export async function updateSettings(scope: Pick<MerchantScope, "merchantId">, input: UpdateSettingsInput): Promise<MerchantSettings> {
  const { businessName, ...rest } = parseOrThrow(updateSettingsSchema, input);
  const db = getDb();
  const data = { ...rest, ...(businessName !== undefined && { name: businessName }) };
  const updated = await db.merchant.updateMany({ where: { id: scope.merchantId }, data });
  if (updated.count === 0) throw notFound("merchant");
  const row = await db.merchant.findUniqueOrThrow({ where: { id: scope.merchantId }, select: SETTINGS_SELECT });
  return toMerchantSettings(row);
}
