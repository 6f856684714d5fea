/**
 * The CM.com Payment Link API's wire format (contracts/cm-payment-link-api.txt), in zod: requests
 * are validated with these schemas and the OpenAPI document is generated from the same ones.
 * Amounts are JSON numbers in major units of currency_code; dates are ISO 8601 with an offset.
 */
import { z } from "zod";

// ---- the token endpoint --------------------------------------------------------------------

/** RFC 6749 asks servers to ignore parameters they do not know, so unknown ones are dropped. */
export const tokenRequest = z
  .object({
    grant_type: z
      .literal("client_credentials", { error: 'grant_type is required and must be "client_credentials"' })
      .meta({ description: 'Fixed string "client_credentials"' }),
    client_id: z
      .string({ error: "client_id is required and must be a string" })
      .min(1, "client_id is required")
      .meta({ description: "The username part of the credentials: an API key id (pk_...) from the dashboard's Developers page" }),
    client_secret: z
      .string({ error: "client_secret is required and must be a string" })
      .min(1, "client_secret is required")
      .meta({ description: "The password part of the credentials: that API key's secret (sk_...)" }),
  })
  .meta({ id: "CmTokenRequest" });

export const tokenResponse = z
  .object({
    access_token: z.string().meta({ description: "The actual token that was issued" }),
    token_type: z.literal("bearer").meta({ description: 'Fixed string "bearer"' }),
    expires_in: z.int().meta({ description: "Number of seconds the issued token is valid (86400 unless CM_TOKEN_TTL_SECONDS says otherwise)" }),
  })
  .meta({ id: "CmAccessToken" });

// ---- payment links -------------------------------------------------------------------------

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

/** An empty string is sent by some clients for "not set": it reads as null. */
const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsNull, schema.nullish());

const timestamp = (field: string, description: string) =>
  optional(
    z
      .string({ error: `${field} must be an ISO 8601 timestamp such as 2022-02-22T22:00:00+00:00` })
      .refine((value) => ISO_8601.test(value.trim()) && !Number.isNaN(Date.parse(value.trim())), {
        error: `${field} must be an ISO 8601 timestamp such as 2022-02-22T22:00:00+00:00`,
      })
      .transform((value) => new Date(value.trim())),
  ).meta({ description, example: "2022-02-22T22:00:00+00:00" });

/** "is required" when absent (or null), "must be a string" otherwise. */
const required = (field: string, type: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? `${field} is required and must be ${type}` : `${field} must be ${type}`;

const reference = (field: string) =>
  z.string({ error: required(field, "a string") }).trim().max(100, `${field} must be at most 100 characters`);

const fields = {
  amount: z
    .number({ error: required("amount", "a number") })
    .positive("amount must be greater than 0")
    .meta({ description: "The amount due for payment in major units of currency_code (10.5 EUR; XAF has no decimals). More decimals than the currency has are refused, never rounded.", example: 10 }),
  callback_url: optional(z.string({ error: "callback_url must be a string" }).max(2000, "callback_url must be at most 2000 characters")).meta({
    description:
      'Merchant specific URL (http or https) to be called with {"paymentlink_refs": [...]} when the status of the payment link changes. Defaults to the callback URL configured on merchant level (the dashboard\'s Settings); null then.',
    example: "https://merchant.url/callback",
  }),
  country_code: optional(
    z.string({ error: "country_code must be a string" }).trim().regex(/^[A-Za-z]{2}$/, "country_code must be an ISO 3166-1 alpha-2 code such as CM or NL"),
  ).meta({ description: "ISO 3166-1 alpha-2 country code, stored and returned upper case. Not set (null): the visitor's country decides", example: "NL" }),
  currency_code: z
    .string({ error: "currency_code must be a string" })
    .trim()
    .regex(/^[A-Za-z]{3}$/, "currency_code must be an ISO 4217 alpha-3 code such as EUR or XAF")
    .meta({ description: "ISO 4217 alpha-3 currency code of amount. Defaults to EUR", example: "EUR" }),
  expiry_date: timestamp("expiry_date", "ISO 8601 timestamp after which the link cannot be paid; not in the past. Defaults to no expiry date (null)"),
  invoice_due_date: timestamp("invoice_due_date", "ISO 8601 timestamp: the due date of the associated invoice"),
  invoice_reference: optional(reference("invoice_reference")).meta({ description: "Reference of the associated invoice (at most 100 characters)", example: "<INVOICE_REFERENCE>" }),
  language_code: optional(
    z.string({ error: "language_code must be a string" }).trim().regex(/^[A-Za-z]{2}$/, "language_code must be an ISO 639-1 alpha-2 code such as EN or FR"),
  ).meta({
    description:
      "ISO 639-1 alpha-2 code of the language the payment page is rendered in; defaults to EN. The page speaks English (EN) and French (FR); for any other language it falls back to the visitor's browser language, then the merchant's default language.",
    example: "EN",
  }),
  merchant_reference: reference("merchant_reference")
    .min(1, "merchant_reference must not be empty")
    .meta({ description: "The merchant reference to the payment link (at most 100 characters)", example: "<MERCHANT_REFERENCE>" }),
};

export const createPaymentLinkRequest = z
  .strictObject({
    amount: fields.amount,
    callback_url: fields.callback_url,
    country_code: fields.country_code,
    currency_code: z.preprocess(blankAsNull, fields.currency_code.nullish()),
    expiry_date: fields.expiry_date,
    invoice_due_date: fields.invoice_due_date,
    invoice_reference: fields.invoice_reference,
    language_code: fields.language_code,
    merchant_reference: fields.merchant_reference,
  })
  .meta({ id: "CmCreatePaymentLinkRequest" });
export type CmCreateRequest = z.output<typeof createPaymentLinkRequest>;

export const updatePaymentLinkRequest = z
  .strictObject({
    amount: fields.amount.optional(),
    callback_url: fields.callback_url,
    country_code: fields.country_code,
    currency_code: fields.currency_code.optional(),
    expiry_date: fields.expiry_date,
    invoice_due_date: fields.invoice_due_date,
    invoice_reference: fields.invoice_reference,
    language_code: fields.language_code,
    merchant_reference: fields.merchant_reference.optional(),
    active: z
      .boolean({ error: "active must be a boolean" })
      .optional()
      .meta({ description: "false deactivates the link (its page says so; it cannot be paid); true reactivates it, unless it is paid or expired" }),
  })
  .meta({ id: "CmUpdatePaymentLinkRequest" });
export type CmUpdateRequest = z.output<typeof updatePaymentLinkRequest>;

const nullableString = (description: string, example?: string) => z.string().nullable().meta({ description, ...(example ? { example } : {}) });

/** A payment link as every payment-link operation answers it, keys in the document's order. */
export const paymentLinkResponse = z
  .object({
    amount: z.number().meta({ description: "The amount due in major units of currency_code (a JSON number: 10, 10.5)", example: 10 }),
    callback_url: nullableString("The link's callback URL; null: the merchant's (Settings) is used", "https://merchant.url/callback"),
    country_code: nullableString("ISO 3166-1 alpha-2, upper case; null when not set", "NL"),
    currency_code: z.string().meta({ description: "ISO 4217 alpha-3", example: "EUR" }),
    expiry_date: nullableString("ISO 8601 with offset (2022-02-22T22:00:00+00:00); null: no expiry", "2022-02-22T22:00:00+00:00"),
    invoice_due_date: nullableString("ISO 8601 with offset; null when not set", "2022-02-22T22:00:00+00:00"),
    invoice_reference: nullableString("null when not set", "<INVOICE_REFERENCE>"),
    language_code: nullableString("ISO 639-1 alpha-2, upper case (EN unless set otherwise; null only for links made elsewhere without one)", "EN"),
    merchant_reference: nullableString("The merchant reference (null only for links made elsewhere without one)", "<MERCHANT_REFERENCE>"),
    ref: z.string().meta({ description: "Unique reference of the payment link: pml-<uuid>", example: "pml-f4b63861-9af3-4b20-a414-59dd9a7887c5" }),
    active: z.boolean().meta({ description: "false once deactivated with PATCH (or cancelled in the dashboard)" }),
    status: z.enum(["open", "paid"]).meta({ description: '"paid" once every use is paid by a successful payment; else "open" (also while a payment is pending)' }),
    uri: z.string().meta({ description: "The web address of the payment link: a short URL that opens the payment page", example: "https://pay.example.com/p/3F7XHG7" }),
  })
  .meta({ id: "CmPaymentLink" });

export const paymentLinkStatusResponse = z
  .object({ status: z.enum(["open", "paid"]).meta({ description: '"paid" once the money arrived, else "open"' }) })
  .meta({ id: "CmPaymentLinkStatus" });

/** CM documents no error body; ours names each problem and its field. */
export const cmErrorSchema = z
  .object({ errors: z.array(z.object({ code: z.string(), message: z.string(), field: z.string().optional() })) })
  .meta({ id: "CmError" });
