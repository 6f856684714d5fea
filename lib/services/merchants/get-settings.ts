import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { MerchantSettings } from "@/lib/domain/merchants/types";
import { notFound } from "@/lib/errors";
import { SETTINGS_SELECT, toMerchantSettings } from "./to-merchant-settings";

export async function getSettings(scope: Pick<MerchantScope, "merchantId">): Promise<MerchantSettings> {
  const row = await getDb().merchant.findUnique({ where: { id: scope.merchantId }, select: SETTINGS_SELECT });
  if (!row) throw notFound("merchant");
  return toMerchantSettings(row);
}
