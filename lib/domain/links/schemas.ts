/**
 * The domain's own input rules for links, whatever surface the input came through. Contract
 * adapters parse their wire format first and hand these shapes in; fields are in minor units.
 */
import { z } from "zod";
import { DEFAULT_CURRENCY, isKnownCurrency, MAX_AMOUNT_MINOR } from "@/lib/money";
import { DELIVERY_METHODS, LINK_STATUSES, LINK_TYPES, MAX_USES_LIMIT, MODES, PROVIDERS } from "./enums";

const oneOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be a string` }).trim().max(max, `${field} must be at most ${max} characters`);

const date = (field: string) =>
  z.date({ error: `${field} must be a valid ISO 8601 date` }).refine((d) => !Number.isNaN(d.getTime()), {
    error: `${field} must be a valid ISO 8601 date`,
  });

export const amountMinorSchema = z
  .int({ error: "amount must be a whole number of minor units" })
  .min(1, "amount must be at least 1")
  .max(MAX_AMOUNT_MINOR, `amount must be at most ${MAX_AMOUNT_MINOR} minor units`);

export const currencySchema = z
  .string({ error: "currency must be a string" })
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, { error: "currency must be an ISO 4217 currency code, such as XAF or EUR" });

export const maxUsesSchema = z
  .int({ error: `max_uses must be an integer between 1 and ${MAX_USES_LIMIT}` })
  .min(1, `max_uses must be an integer between 1 and ${MAX_USES_LIMIT}`)
  .max(MAX_USES_LIMIT, `max_uses must be an integer between 1 and ${MAX_USES_LIMIT}`);

export const metadataSchema = z.record(z.string(), z.unknown(), { error: "metadata must be a JSON object" });

export const linkStatusSchema = oneOf("status", LINK_STATUSES);
export const providerSchema = oneOf("provider", PROVIDERS);

export const createLinkInputSchema = z.object({
  amountMinor: amountMinorSchema,
  currency: currencySchema.default(DEFAULT_CURRENCY),
  description: text("description", 500).nullish(),
  expiresAt: date("expires_at").nullish(),
  maxUses: maxUsesSchema.default(1),
  metadata: metadataSchema.default({}),
  provider: providerSchema.nullish(),
  type: oneOf("type", LINK_TYPES).default("COLLECTION"),
  mode: oneOf("mode", MODES).default("SANDBOX"),
  dynamicAmount: z.boolean({ error: "dynamic_amount must be a boolean" }).default(false),
  orderId: z.uuid({ error: "order_id must be a UUID" }).nullish(),
  merchantReference: text("merchant_reference", 100).nullish(),
  invoiceReference: text("invoice_reference", 100).nullish(),
  invoiceDueDate: date("invoice_due_date").nullish(),
  language: z
    .string({ error: "language must be a string" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, "language must be an ISO 639-1 code such as fr or en")
    .nullish(),
  country: z
    .string({ error: "country must be a string" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "country must be an ISO 3166-1 alpha-2 code such as CM")
    .nullish(),
  customerEmail: z.email({ error: "customer_email must be an email address" }).max(254).nullish(),
  customerPhone: z
    .string({ error: "customer_phone must be a string" })
    .trim()
    .regex(/^\+?[0-9 ]{6,20}$/, "customer_phone must be a phone number")
    .nullish(),
  deliveryMethod: z
    .union(DELIVERY_METHODS.map((m) => z.literal(m)), { error: "delivery_method must be 0, 1, 2 or 3" })
    .default(0),
  callbackUrl: z.url({ protocol: /^https?$/, error: "callback_url must be an http(s) URL" }).max(2000).nullish(),
});
export type CreateLinkInput = z.input<typeof createLinkInputSchema>;

export const updateLinkInputSchema = z.object({
  description: text("description", 500).nullish(),
  expiresAt: date("expires_at").nullish(),
  maxUses: maxUsesSchema.optional(),
  metadata: metadataSchema.optional(),
  status: linkStatusSchema.optional(),
});
export type UpdateLinkInput = z.input<typeof updateLinkInputSchema>;

export const LINK_SORTS = ["created_at", "amount"] as const;

export const listLinksInputSchema = z.object({
  status: linkStatusSchema.optional(),
  /**
   * With status PAID: true keeps the links whose last uses are held by pending payments (awaiting
   * payment), false those paid in money. Unset (Instanvi's reading): both.
   */
  awaitingPayment: z.boolean({ error: "awaiting_payment must be true or false" }).optional(),
  page: z.int({ error: "page must be a positive integer" }).min(1, "page must be a positive integer").default(1),
  limit: z
    .int({ error: "limit must be an integer between 1 and 200" })
    .min(1, "limit must be an integer between 1 and 200")
    .max(200, "limit must be an integer between 1 and 200")
    .default(20),
  search: text("search", 200).optional(),
  sort: oneOf("sort", LINK_SORTS).default("created_at"),
  order: oneOf("order", ["asc", "desc"] as const).default("desc"),
  createdFrom: date("created_from").optional(),
  createdTo: date("created_to").optional(),
  currency: currencySchema.optional(),
});
export type ListLinksInput = z.input<typeof listLinksInputSchema>;
