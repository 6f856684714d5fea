/**
 * The Instanvi contract's wire format (contracts/instanvi-payment-links.md), in zod: requests
 * are validated with these schemas and the OpenAPI document is generated from the same ones.
 * Amounts are major units of the currency; fields are snake_case as documented.
 */
import { z } from "zod";
import { LINK_STATUSES, LINK_TYPES, MAX_USES_LIMIT, PROVIDERS } from "@/lib/domain/links/enums";

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

/** The documented message for a bad `expires_at` is "Invalid expiration date format". */
const expiresAt = z
  .string({ error: "Invalid expiration date format" })
  .refine((value) => ISO_8601.test(value) && !Number.isNaN(Date.parse(value)), { error: "Invalid expiration date format" })
  .transform((value) => new Date(value))
  .meta({ description: "ISO 8601 date-time (with Z or an offset) or date; cannot be in the past", example: "2025-12-31T23:59:59Z" });

const maxUses = z
  .int({ error: `max_uses must be an integer between 1 and ${MAX_USES_LIMIT}` })
  .min(1, `max_uses must be an integer between 1 and ${MAX_USES_LIMIT}`)
  .max(MAX_USES_LIMIT, `max_uses must be an integer between 1 and ${MAX_USES_LIMIT}`);

const metadata = z
  .record(z.string(), z.unknown(), { error: "metadata must be a JSON object" })
  .meta({ description: "Free-form JSON object", example: { invoice_id: "123" } });

const description = z.string({ error: "description must be a string" }).max(500, "description must be at most 500 characters");

const enumOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });

export const linkStatus = enumOf("status", LINK_STATUSES);

export const createPaymentLinkRequest = z
  .strictObject({
    amount: z
      .number({ error: "amount is required and must be a number" })
      .min(1, "amount must be >= 1")
      .meta({ description: "Amount in major units of the currency (XAF has no minor unit)", example: 10000 }),
    currency: z
      .string({ error: "currency must be a string" })
      .regex(/^[A-Za-z]{3}$/, "currency must be a 3-letter ISO 4217 code such as XAF")
      .default("XAF"),
    description: description.nullish(),
    expires_at: expiresAt.nullish(),
    provider: enumOf("provider", PROVIDERS).nullish().meta({ description: "Preferred payment provider" }),
    type: enumOf("type", LINK_TYPES).default("COLLECTION"),
    max_uses: maxUses.default(1),
    metadata: metadata.default({}),
  })
  .meta({ id: "InstanviCreatePaymentLinkRequest" });

export const updatePaymentLinkRequest = z
  .strictObject({
    description: description.nullish(),
    expires_at: expiresAt.nullish(),
    status: linkStatus.optional(),
    max_uses: maxUses.optional().meta({ description: "1-100, must be >= current_uses" }),
    metadata: metadata.optional().meta({ description: "Merged with the stored metadata, key by key" }),
  })
  .meta({ id: "InstanviUpdatePaymentLinkRequest" });

export const redeemPaymentLinkRequest = z
  .strictObject({
    phone_number: z
      .union([z.number(), z.string()], { error: "phone_number is required: the customer's mobile number" })
      .meta({ description: "Cameroon mobile number, e.g. 671381152", example: 671381152 }),
    provider: enumOf("provider", PROVIDERS),
  })
  .meta({ id: "InstanviRedeemPaymentLinkRequest" });

const positiveInt = (field: string, max?: number) =>
  z
    .string()
    .regex(/^\d+$/, `${field} must be a positive integer`)
    .transform(Number)
    .pipe(
      max
        ? z.int().min(1, `${field} must be between 1 and ${max}`).max(max, `${field} must be between 1 and ${max}`)
        : z.int().min(1, `${field} must be a positive integer`),
    );

export const listPaymentLinksQuery = z.object({
  status: linkStatus.optional(),
  page: positiveInt("page").default(1),
  limit: positiveInt("limit", 200).default(20),
});

// ---- responses ----------------------------------------------------------------------------

const id = z.uuid();
const slug = z.string().meta({ example: "pay_abc123xyz" });
const amount = z.number().meta({ description: "Major units of the currency" });
const isoOrNull = z.string().nullable().meta({ description: "ISO 8601, UTC" });

/**
 * The link's status as this contract documents it: PAID as soon as every use is taken, also
 * while the last uses are only held by payments still PENDING (the redeem example shows PAID
 * right after the redeem). The money is told by the payments: this says so to integrators.
 */
const linkStatusRead = linkStatus.meta({
  description:
    "ACTIVE, PAID, EXPIRED or CANCELLED. PAID as soon as every use is taken (current_uses = max_uses), including uses held by payments still PENDING: the payer may not have approved yet and the money may never arrive (a payment the provider fails releases its use and the link reads ACTIVE again). To know that money arrived, follow the payment: its `status` SUCCESSFUL (the redeem answer's `payment`, GET /api/pay/payments/{id}), or the signed webhooks `payment.succeeded` and `link.paid` (sent only once the money has arrived).",
});

export const createdPaymentLinkData = z
  .object({
    id,
    slug,
    url: z.url(),
    amount,
    currency: z.string(),
    status: linkStatusRead,
    expires_at: isoOrNull,
    max_uses: z.int(),
    current_uses: z.int(),
  })
  .meta({ id: "InstanviCreatedPaymentLink" });

export const publicPaymentLinkData = z
  .object({
    id,
    slug,
    amount,
    currency: z.string(),
    description: z.string().nullable(),
    status: linkStatusRead,
    expires_at: isoOrNull,
    metadata: z.record(z.string(), z.unknown()),
    max_uses: z.int(),
    current_uses: z.int(),
    created_at: z.string(),
  })
  .meta({ id: "InstanviPaymentLink" });

export const paymentLinkDetailData = publicPaymentLinkData.extend({ updated_at: z.string() }).meta({ id: "InstanviPaymentLinkDetail" });

export const paymentLinkListItem = z
  .object({
    id,
    slug,
    amount,
    currency: z.string(),
    status: linkStatusRead,
    expires_at: isoOrNull,
    current_uses: z.int(),
    max_uses: z.int(),
    created_at: z.string(),
  })
  .meta({ id: "InstanviPaymentLinkListItem" });

export const paymentLinkListData = z.object({
  items: z.array(paymentLinkListItem),
  pagination: z.object({ page: z.int(), limit: z.int(), total: z.int(), total_pages: z.int() }),
});

export const updatedPaymentLinkData = z.object({ id, slug });

export const cancelledPaymentLinkData = z.object({ id, slug, status: z.literal("CANCELLED") });

export const redeemedPaymentLinkData = z.object({
  payment_link: z.object({ id, slug, status: linkStatusRead, current_uses: z.int() }),
  payment: z.object({
    id,
    amount,
    currency: z.string(),
    status: z.enum(["PENDING", "SUCCESSFUL", "FAILED"]).meta({
      description:
        "PENDING until the provider's final answer: SUCCESSFUL once the money has arrived. A second redeem from the same phone_number while this payment is PENDING returns this same payment.",
    }),
    transaction_id: z.string().meta({ example: "pl_pay_abc123xyz_1735689600000_9f2c4a1b3d" }),
  }),
});

/**
 * A documented addition (not in the Instanvi document, and changing none of its fields): the
 * payment attempts on one of the merchant's links, so that an integrator who polls can see
 * money arrive.
 */
export const linkPaymentItem = z
  .object({
    id,
    transaction_id: z.string().meta({ description: "Our reference of the payment, as in the redeem answer" }),
    amount,
    currency: z.string(),
    status: z.enum(["PENDING", "SUCCESSFUL", "FAILED"]).meta({ description: "SUCCESSFUL once the money has arrived; FAILED with `failure_reason`" }),
    failure_reason: z.string().nullable(),
    provider: z.enum(PROVIDERS),
    payer_phone: z.string().meta({ description: "The payer's number, masked (+237 •••••••001)" }),
    provider_reference: z.string().nullable().meta({ description: "The operator's reference of the transaction, once it has one" }),
    created_at: z.string(),
    settled_at: isoOrNull.meta({ description: "When the provider's final answer arrived" }),
    paid_late: z.boolean().meta({ description: "SUCCESSFUL after we had given up waiting (the operator's final word wins)" }),
    over_collected: z.boolean().meta({ description: "Paid late for a link whose uses were taken meanwhile: money to refund to the payer" }),
  })
  .meta({ id: "InstanviLinkPayment" });

export const linkPaymentsData = z
  .object({ payment_link: z.object({ id, slug, status: linkStatusRead, current_uses: z.int(), max_uses: z.int() }), payments: z.array(linkPaymentItem) })
  .meta({ id: "InstanviLinkPayments" });

export function envelopeOf<T extends z.ZodType>(data: T) {
  return z.object({
    status_code: z.int().meta({ example: 200 }),
    status: z.string().meta({ example: "OK" }),
    message: z.string().meta({ example: "Payment link created successfully" }),
    data,
  });
}

export const errorEnvelopeSchema = z
  .object({ status_code: z.int(), status: z.string(), message: z.string(), data: z.object({}) })
  .meta({ id: "InstanviError" });
