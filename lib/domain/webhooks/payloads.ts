/**
 * The body of every webhook, as zod schemas: `{type, timestamp, data}`, where `data` has one
 * stable shape per kind of object. These schemas document the bodies in the OpenAPI document's
 * `webhooks` section (lib/contracts/openapi.ts) and, in the tests, validate the bodies the
 * product really writes (lib/services/notifications/webhook-messages.ts builds them). Adding a
 * field is backward compatible; renaming or removing one is not.
 */
import { z } from "zod";
import { LINK_STATUSES, MODES, PAYMENT_STATUSES, PROVIDERS } from "@/lib/domain/links/enums";
import { WEBHOOK_EVENT_DOCS, WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_TYPE, type WebhookEventType } from "./events";

const instant = () => z.iso.datetime({ offset: true });

/** `data` of every link.* webhook: the link as it is after the change. */
export const webhookLinkSchema = z
  .object({
    id: z.uuid().describe("The link's id"),
    slug: z.string().describe("Public id of the link: its pay page is /pay/{slug}"),
    short_code: z.string().describe("Short code of /p/{short_code} (SMS, QR codes)"),
    status: z
      .enum(LINK_STATUSES)
      .describe(
        "ACTIVE, PAID, EXPIRED or CANCELLED. PAID only once every use is paid in money: while a pending payment holds the last use, the link reads ACTIVE with current_uses = max_uses",
      ),
    active: z.boolean().describe("false while the link is deactivated (it can be reactivated, unlike a cancelled one)"),
    mode: z.enum(MODES).describe("SANDBOX (test money) or LIVE"),
    amount: z.int().min(0).describe("Amount in minor units of currency (5000 XAF is 5000; 10.50 EUR is 1050)"),
    currency: z.string().length(3).describe("ISO 4217 code"),
    dynamic_amount: z.boolean().describe("true: each payment takes what is still unpaid on the link's order"),
    description: z.string().nullable(),
    max_uses: z.int().min(1),
    current_uses: z.int().min(0).describe("Uses held by pending payments plus uses kept by successful ones"),
    expires_at: instant().nullable(),
    paid_at: instant().nullable().describe("When every use was paid (null until then)"),
    cancelled_at: instant().nullable(),
    created_at: instant(),
    order_id: z.uuid().nullable().describe("The sales order or invoice the link pays toward, if any"),
    merchant_reference: z.string().nullable(),
    invoice_reference: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).describe("The merchant's own key-value pairs, as stored"),
    urls: z
      .object({ pay: z.url().describe("The pay page"), short: z.url().describe("Its short form") })
      .strict(),
  })
  .strict()
  .meta({ id: "WebhookPaymentLink", description: "A payment link, in the data of link.* webhooks" });
export type WebhookLinkData = z.infer<typeof webhookLinkSchema>;

/** `data` of every payment.* webhook: the payment as it is after the change. */
export const webhookPaymentSchema = z
  .object({
    id: z.uuid().describe("The payment's id"),
    transaction_id: z.string().describe("Our transaction id, also handed to the payer"),
    status: z.enum(PAYMENT_STATUSES).describe("PENDING, SUCCESSFUL or FAILED"),
    amount: z.int().min(0).describe("Amount in minor units of currency"),
    currency: z.string().length(3).describe("ISO 4217 code"),
    provider: z.enum(PROVIDERS).describe("MTN_CAM (MTN Mobile Money) or ORANGE_CAM (Orange Money)"),
    failure_reason: z
      .string()
      .nullable()
      .describe("Why it failed (INSUFFICIENT_FUNDS, PAYER_REJECTED, TIMEOUT, ...); null unless FAILED"),
    provider_reference: z.string().nullable().describe("The provider's id for the payment, once known"),
    payer_phone: z.string().describe("The payer's mobile number, E.164 without the plus (2376XXXXXXXX)"),
    mode: z.enum(MODES),
    created_at: instant(),
    settled_at: instant().nullable().describe("When it succeeded or failed"),
    paid_late: z
      .boolean()
      .describe("true when it succeeded after we had failed it for want of an answer from the provider (TIMEOUT): the provider's answer won"),
    over_collected: z
      .boolean()
      .describe("true when it succeeded late for a link already used up (or cancelled, or whose order was paid): it counts for nothing, refund it"),
    link: z
      .object({ id: z.uuid(), slug: z.string() })
      .strict()
      .describe("The payment link it pays"),
  })
  .strict()
  .meta({ id: "WebhookPayment", description: "A payment, in the data of payment.* webhooks" });
export type WebhookPaymentData = z.infer<typeof webhookPaymentSchema>;

export const webhookTestDataSchema = z
  .object({
    endpoint_id: z.uuid().describe("The endpoint the test was sent to"),
    message: z.string(),
  })
  .strict()
  .meta({ id: "WebhookTest", description: "The data of a webhook.test event" });
export type WebhookTestData = z.infer<typeof webhookTestDataSchema>;

/** The data schema of each type. */
export function webhookDataSchemaOf(type: WebhookEventType | typeof WEBHOOK_TEST_TYPE) {
  if (type === WEBHOOK_TEST_TYPE) return webhookTestDataSchema;
  return type.startsWith("link.") ? webhookLinkSchema : webhookPaymentSchema;
}

const pascal = (type: string) =>
  type
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

function bodySchema<T extends string>(type: T, data: z.ZodType) {
  return z
    .object({
      type: z.literal(type),
      timestamp: instant().describe("When it happened (ISO 8601, UTC)"),
      data,
    })
    .strict()
    .meta({ id: `Webhook${pascal(type)}Body` });
}

/** The exact body of each webhook type, `webhook.test` included. */
export const WEBHOOK_BODY_SCHEMAS = {} as Record<WebhookEventType | typeof WEBHOOK_TEST_TYPE, z.ZodType>;
for (const type of [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_TYPE] as const) WEBHOOK_BODY_SCHEMAS[type] = bodySchema(type, webhookDataSchemaOf(type));

export type WebhookBody =
  | { type: Exclude<WebhookEventType, `payment.${string}`>; timestamp: string; data: WebhookLinkData }
  | { type: Extract<WebhookEventType, `payment.${string}`>; timestamp: string; data: WebhookPaymentData }
  | { type: typeof WEBHOOK_TEST_TYPE; timestamp: string; data: WebhookTestData };

/** The headers every webhook request carries (Standard Webhooks). */
export const WEBHOOK_REQUEST_HEADERS = [
  {
    name: "webhook-id",
    description: "The message's id: the same on every retry and re-send of one message, so receivers can drop duplicates.",
    required: true,
  },
  { name: "webhook-timestamp", description: "Unix seconds of this attempt; refuse messages more than 5 minutes away from your clock.", required: true },
  {
    name: "webhook-signature",
    description:
      "Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the base64-decoded part of your `whsec_` secret. For 24 hours after a rotation there are two: one with the new secret, one with the previous.",
    required: true,
  },
] as const;

export interface WebhookDoc {
  type: string;
  summary: string;
  description: string;
  schema: z.ZodType;
}

/** What the OpenAPI document says about each webhook. */
export function webhookDocs(): WebhookDoc[] {
  const common =
    "POSTed as JSON to every enabled endpoint subscribed to this type, signed as Standard Webhooks specifies (see the headers). " +
    "Answer 2xx quickly; anything else, or no answer within the delivery timeout, is retried with exponential backoff. " +
    "Answering 410 Gone disables the endpoint.";
  return [
    ...WEBHOOK_EVENT_TYPES.map((type) => ({
      type,
      summary: WEBHOOK_EVENT_DOCS[type].label,
      description: `${WEBHOOK_EVENT_DOCS[type].description}\n\n${common}`,
      schema: WEBHOOK_BODY_SCHEMAS[type],
    })),
    {
      type: WEBHOOK_TEST_TYPE,
      summary: "Test event",
      description: `Sent only when the merchant asks for it (Send test event in the dashboard), to one endpoint, whatever it subscribes to.\n\n${common}`,
      schema: WEBHOOK_BODY_SCHEMAS[WEBHOOK_TEST_TYPE],
    },
  ];
}
