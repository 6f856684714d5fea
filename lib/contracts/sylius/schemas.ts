/**
 * The Sylius v1 contract's wire format (contracts/sylius-payments-api.rst), in zod: requests are
 * validated with these schemas and answers are typed by them; the OpenAPI document is generated
 * from the same ones. Amounts are integer minor units; dates are written as Sylius writes them.
 */
import { z } from "zod";
import { PAYMENT_SORT_FIELDS, MAX_PAYMENTS_PAGE_SIZE } from "@/lib/services/payments/payment-sort";
import { SYLIUS_PAYMENT_STATES } from "./catalog";

// ---- the token endpoint --------------------------------------------------------------------

export const GRANT_TYPES = ["password", "refresh_token", "client_credentials"] as const;

const tokenParam = (name: string, description: string) =>
  z.string({ error: `${name} must be a string` }).optional().meta({ description });

/** RFC 6749 asks servers to ignore parameters they do not know, so unknown ones are dropped. */
const tokenParams = {
  grant_type: tokenParam("grant_type", `One of ${GRANT_TYPES.join(", ")}`),
  client_id: tokenParam("client_id", "The API key id (pk_...) from the dashboard's Developers page"),
  client_secret: tokenParam("client_secret", "The API key's secret (sk_...)"),
  username: tokenParam("username", "password grant: the email of a dashboard login of the key's merchant"),
  password: tokenParam("password", "password grant: that login's password"),
  refresh_token: tokenParam("refresh_token", "refresh_token grant: a refresh token from an earlier answer (each is used once)"),
  scope: tokenParam("scope", "Ignored: a token carries the scopes of its API key"),
};

export const tokenRequest = z.object(tokenParams).meta({ id: "SyliusTokenRequest" });
/** The same parameters in the query string (GET). */
export const tokenQuery = z.object(tokenParams);
export type TokenParams = z.output<typeof tokenRequest>;

export const tokenResponse = z
  .object({
    access_token: z.string(),
    expires_in: z.int().meta({ description: "Seconds: 3600" }),
    token_type: z.literal("bearer"),
    scope: z.null(),
    refresh_token: z.string().meta({ description: "Valid 30 days; send it with grant_type=refresh_token for a new pair (it is then used up)" }),
  })
  .meta({ id: "SyliusAccessToken" });

export const oauthErrorSchema = z
  .object({
    error: z.enum(["invalid_request", "invalid_client", "invalid_grant", "unsupported_grant_type"]),
    error_description: z.string(),
  })
  .meta({ id: "OAuthError" });

// ---- the collection's query ------------------------------------------------------------------

const integerParam = (field: string, max: number, description: string) => {
  const message = `${field} must be an integer between 1 and ${max}`;
  return z
    .preprocess((value) => (typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value), z.int({ error: message }).min(1, message).max(max, message))
    .optional()
    .meta({ description });
};

const direction = (field: string, description: string) =>
  z
    .preprocess((value) => (typeof value === "string" ? value.toUpperCase() : value), z.enum(["ASC", "DESC"], { error: `sorting[${field}] must be ASC or DESC` }))
    .optional()
    .meta({ description });

export const MAX_PAGE = 1_000_000;

/**
 * The query arrives with bracketed keys nested (`sorting[amount]=ASC` -> `{sorting: {amount}}`);
 * they are flattened back to their wire names, which is how the document names them.
 */
function flattenSorting(input: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof input !== "object" || input === null) return input;
  const { sorting, ...rest } = input as Record<string, unknown>;
  if (sorting === undefined) return rest;
  if (typeof sorting !== "object" || sorting === null) {
    ctx.addIssue({ code: "custom", input, path: ["sorting"], message: "sorting must be sent as sorting[<field>]=ASC or DESC, e.g. sorting[createdAt]=DESC" });
    return input;
  }
  const flat: Record<string, unknown> = rest;
  for (const [field, value] of Object.entries(sorting)) {
    if (!(PAYMENT_SORT_FIELDS as readonly string[]).includes(field)) {
      ctx.addIssue({ code: "custom", input, path: [`sorting[${field}]`], message: `sorting[${field}] is not supported: sort by ${PAYMENT_SORT_FIELDS.join(", ")}` });
    } else flat[`sorting[${field}]`] = value;
  }
  return flat;
}

export const paymentsQuery = z.preprocess(
  flattenSorting,
  z.object({
    page: integerParam("page", MAX_PAGE, "Number of the page, by default = 1"),
    limit: integerParam("limit", MAX_PAYMENTS_PAGE_SIZE, `Number of items to display per page, by default = 10 (at most ${MAX_PAYMENTS_PAGE_SIZE})`),
    "sorting[amount]": direction("amount", "Sorting direction on the amount field (DESC/ASC)"),
    "sorting[createdAt]": direction("createdAt", "Sorting direction on the createdAt field (ASC by default)"),
    "sorting[updatedAt]": direction("updatedAt", "Sorting direction on the updatedAt field (DESC/ASC)"),
  }),
);
export type PaymentsQuery = z.output<typeof paymentsQuery>;

// ---- answers ---------------------------------------------------------------------------------

const href = z.object({ href: z.string().meta({ description: "A path on this server, e.g. /api/v1/payments/20" }) });
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$/)
  .meta({ description: "As Sylius writes dates (PHP's Y-m-d\\TH:i:sO), in UTC", example: "2026-11-25T10:31:19+0000" });

export const channelSchema = z
  .object({
    id: z.int(),
    code: z.string(),
    name: z.string(),
    hostname: z.string(),
    color: z.string(),
    createdAt: dateTime,
    updatedAt: dateTime,
    enabled: z.boolean(),
    taxCalculationStrategy: z.string(),
    _links: z.object({ self: href }),
  })
  .meta({ id: "SyliusChannel" });

const translationSchema = z.object({ locale: z.string(), id: z.int(), name: z.string(), description: z.string() });

/** A payment method inside a payment of the collection (Sylius's Default serialization group). */
export const paymentMethodSummarySchema = z
  .object({
    id: z.int(),
    code: z.string().meta({ example: "mtn_momo" }),
    position: z.int(),
    translations: z.record(z.string(), translationSchema).meta({ description: "By locale: en_US" }),
    _links: z.object({ self: href }),
  })
  .meta({ id: "SyliusPaymentMethodSummary" });

/** A payment method in full (Sylius's Detailed group): a single payment, /api/v1/payment-methods/{code}. */
export const paymentMethodSchema = paymentMethodSummarySchema
  .extend({
    createdAt: dateTime,
    updatedAt: dateTime,
    enabled: z.boolean(),
    channels: z.array(channelSchema),
  })
  .meta({ id: "SyliusPaymentMethod" });

const paymentState = z.enum(SYLIUS_PAYMENT_STATES).meta({ description: "See the table in GET /api/v1/payments/{id}" });
const paymentLinks = z.object({ self: href, "payment-method": href, order: href });

export const paymentSchema = z
  .object({
    id: z.int(),
    method: paymentMethodSchema,
    amount: z.int().meta({ description: "Integer minor units of the order's currencyCode (XAF has none: 5000 XAF is 5000)" }),
    state: paymentState,
    _links: paymentLinks,
  })
  .meta({ id: "SyliusPayment" });

export const paymentListItemSchema = z
  .object({
    id: z.int(),
    method: paymentMethodSummarySchema,
    amount: z.int(),
    state: paymentState,
    _links: paymentLinks,
  })
  .meta({ id: "SyliusPaymentListItem" });

export const paymentCollectionSchema = z
  .object({
    page: z.int(),
    limit: z.int(),
    pages: z.int(),
    total: z.int(),
    _links: z.object({ self: href, first: href, last: href, next: href.optional(), previous: href.optional() }),
    _embedded: z.object({ items: z.array(paymentListItemSchema) }),
  })
  .meta({ id: "SyliusPaymentCollection" });

const adjustmentSchema = z.object({ id: z.int(), type: z.string(), label: z.string(), amount: z.int() });

export const orderItemSchema = z.object({
  id: z.int(),
  quantity: z.int(),
  unitPrice: z.int(),
  total: z.int(),
  adjustments: z.array(adjustmentSchema),
  adjustmentsTotal: z.int(),
  productName: z.string().meta({ description: "The link's description, else its slug" }),
});

export const orderSchema = z
  .object({
    id: z.int().meta({ description: "The payment link's number" }),
    checkoutCompletedAt: dateTime.meta({ description: "When the link was created (issued ready to pay)" }),
    number: z.string().meta({ description: "The sales order or invoice number the link pays, else the link's number on 9 digits (000000021)" }),
    notes: z.string().nullable().meta({ description: "Which sales order or invoice, and the link's description" }),
    items: z.array(orderItemSchema),
    itemsTotal: z.int(),
    adjustments: z.array(adjustmentSchema),
    adjustmentsTotal: z.int(),
    total: z.int().meta({ description: "The link's amount, integer minor units of currencyCode" }),
    state: z.enum(["cart", "new", "cancelled", "fulfilled"]),
    channel: channelSchema,
    payments: z.array(paymentSchema).meta({ description: "Every payment attempt on the link, oldest first" }),
    currencyCode: z.string().meta({ example: "XAF" }),
    localeCode: z.string().meta({ example: "fr_CM" }),
    checkoutState: z.string(),
    paymentState: z.enum(["cart", "awaiting_payment", "partially_authorized", "authorized", "partially_paid", "cancelled", "paid", "partially_refunded", "refunded"]),
    tokenValue: z.string().meta({ description: "The link's public slug: the customer pays at /pay/{tokenValue}" }),
    createdAt: dateTime,
    updatedAt: dateTime,
    _links: z.object({ self: href }),
  })
  .meta({ id: "SyliusOrder" });
