import type { Merchant } from "@/lib/generated/prisma/client";
import type { MerchantSettings } from "@/lib/domain/merchants/types";

export const SETTINGS_SELECT = {
  name: true,
  defaultCurrency: true,
  defaultLanguage: true,
  callbackUrl: true,
  webhookUrl: true,
  webhookSecret: true,
} as const;

export function toMerchantSettings(row: Pick<Merchant, keyof typeof SETTINGS_SELECT>): MerchantSettings {
  return {
    businessName: row.name,
    defaultCurrency: row.defaultCurrency,
    defaultLanguage: row.defaultLanguage,
    callbackUrl: row.callbackUrl,
    webhookUrl: row.webhookUrl,
    webhookSecret: row.webhookSecret,
  };
}
