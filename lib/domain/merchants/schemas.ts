/**
 * Merchant settings input, shared by the server and the browser form (no server imports here).
 * Every field is optional: what is left out stays as it is. Messages name the field as the form
 * labels it; parseOrThrow still reports it in snake_case (business_name, webhook_url, ...).
 */
import { z } from "zod";
import { isKnownCurrency } from "@/lib/money";

export const MERCHANT_LANGUAGES = ["fr", "en"] as const;
export type MerchantLanguage = (typeof MERCHANT_LANGUAGES)[number];

/** An http(s) URL, or nothing: null, "" and blanks all clear the setting (stored as null). */
const optionalWebUrl = (field: string) => {
  const message = `${field} must be an http(s) URL`;
  return z
    .string({ error: message })
    .trim()
    .max(2000, `${field} must be at most 2000 characters`)
    .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, error: message })], { error: message }))
    .nullable()
    .transform((value) => value || null);
};

export const updateSettingsSchema = z.object({
  businessName: z
    .string({ error: "Business name must be a string" })
    .trim()
    .min(2, "Business name must be at least 2 characters")
    .max(100, "Business name must be at most 100 characters")
    .optional(),
  defaultCurrency: z
    .string({ error: "Default currency must be a string" })
    .trim()
    .toUpperCase()
    .refine(isKnownCurrency, { error: "Default currency must be an ISO 4217 currency code, such as XAF or EUR" })
    .optional(),
  defaultLanguage: z
    .string({ error: "Default language must be fr or en" })
    .trim()
    .toLowerCase()
    .pipe(z.enum(MERCHANT_LANGUAGES, { error: "Default language must be fr or en" }))
    .optional(),
  callbackUrl: optionalWebUrl("Callback URL").optional(),
  webhookUrl: optionalWebUrl("Webhook URL").optional(),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsSchema>;

/**
 * The merchant's own notifications: an email per successful payment (notifyPayments) to
 * notificationEmail. Turning them on needs an address; an empty address clears it (stored as null).
 */
export const updateNotificationSettingsSchema = z
  .object({
    notifyPayments: z.boolean({ error: "Email me for each successful payment must be true or false" }),
    notificationEmail: z
      .string({ error: "Notification email must be a string" })
      .trim()
      .toLowerCase()
      .max(254, "Notification email must be at most 254 characters")
      .pipe(z.union([z.literal(""), z.email({ error: "Notification email must be an email address" })], { error: "Notification email must be an email address" }))
      .nullable()
      .transform((value) => value || null),
  })
  .refine((input) => !input.notifyPayments || input.notificationEmail !== null, {
    path: ["notificationEmail"],
    error: "Enter the email address that receives payment notifications",
  });
export type UpdateNotificationSettingsInput = z.input<typeof updateNotificationSettingsSchema>;

export interface NotificationSettings {
  notifyPayments: boolean;
  notificationEmail: string | null;
}
