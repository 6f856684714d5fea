export interface MerchantSettings {
  businessName: string;
  /** ISO 4217 code preselected when the merchant creates a link. */
  defaultCurrency: string;
  /** ISO 639-1 code of the pay page when a link names no language. */
  defaultLanguage: string;
  callbackUrl: string | null;
  webhookUrl: string | null;
  /** HMAC key of signed webhooks (shown to the merchant, who needs it to verify them). */
  webhookSecret: string;
}
