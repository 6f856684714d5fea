/**
 * The webhook event types a merchant's endpoint can subscribe to, and what each one means. Pure:
 * shared by the services, the OpenAPI document and the dashboard's checkboxes.
 *
 * They are derived from the timeline's events (lib/services/events/record-event.ts), not copied
 * from them: `payment.pending` is our `payment.created`, and `link.paid` is sent only when the
 * money has arrived (a payment SUCCEEDED and no use of the link is still held by a pending
 * payment), never when the last use is merely reserved.
 */
export const WEBHOOK_EVENT_TYPES = [
  "link.created",
  "link.updated",
  "link.cancelled",
  "link.expired",
  "link.paid",
  "payment.pending",
  "payment.succeeded",
  "payment.failed",
  "payment.over_collected",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only on request ("Send test event"), to one endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_TYPE = "webhook.test";

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** For people: the dashboard's checkboxes and the OpenAPI document. */
export const WEBHOOK_EVENT_DOCS: Readonly<Record<WebhookEventType, { label: string; description: string }>> = {
  "link.created": { label: "Link created", description: "A payment link was created (dashboard or API)." },
  "link.updated": {
    label: "Link updated",
    description: "A payment link's description, expiry, uses, amount, references, metadata or active state changed.",
  },
  "link.cancelled": { label: "Link cancelled", description: "A payment link was cancelled: it can no longer be paid." },
  "link.expired": {
    label: "Link expired",
    description:
      "A payment link reached its expiry date (sent within seconds of it, once per expiry date) or was set to EXPIRED by the merchant.",
  },
  "link.paid": {
    label: "Link paid",
    description:
      "Every use of a payment link is paid: sent with the payment.succeeded of its last payment, never while a payment is still pending.",
  },
  "payment.pending": {
    label: "Payment pending",
    description: "A customer started a payment: the link's use is reserved while the provider asks the payer to approve.",
  },
  "payment.succeeded": { label: "Payment succeeded", description: "The provider confirmed a payment: the money has arrived." },
  "payment.failed": {
    label: "Payment failed",
    description:
      "A payment failed (declined, insufficient funds, expired, ...): its use of the link is released. When the provider had not given its final word (failure_reason TIMEOUT after our long deadline), a later success still counts: payment.succeeded follows, with paid_late true.",
  },
  "payment.over_collected": {
    label: "Over-collection to refund",
    description:
      "Money arrived late (paid_late) for a link that another payment had meanwhile used up, or that was cancelled, or whose order was paid: the payment counts for nothing and the payer should be refunded. Sent after its payment.succeeded.",
  },
};
