/** What the webhook services hand out (the dashboard turns dates into text). */

export interface WebhookEndpointView {
  id: string;
  url: string;
  /** The webhook event types it receives, in the documented order. */
  events: string[];
  /** False when the merchant disabled it, or the worker did (it answered 410 Gone). */
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One webhook message (an outbox row of channel WEBHOOK), as the deliveries list shows it. */
export interface DeliverySummary {
  id: string;
  /** The webhook type (link.created, ..., webhook.test). */
  type: string;
  /** Null once the endpoint is deleted (the URL stays in `url`). */
  endpointId: string | null;
  /** Where it goes (the endpoint's URL when it was written). */
  url: string;
  /** PENDING (waiting for its first or next attempt), SENDING (in flight), SENT or FAILED (given up). */
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  /** When the next attempt is due (PENDING only; null otherwise). */
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** One delivery with what was sent and answered. */
export interface DeliveryDetail extends DeliverySummary {
  /** The JSON body ({type, timestamp, data}). */
  body: unknown;
  /** The last attempt's request as the sender recorded it (headers, body), or null before any. */
  lastRequest: unknown;
  /** The last attempt's response body (as text, possibly cut short), or null. */
  lastResponse: string | null;
  /** The endpoint as it is now, or null when it was deleted. */
  endpoint: { id: string; url: string; enabled: boolean } | null;
}

export interface WebhookSigning {
  /** The current secret, as `whsec_` + standard base64 (what Standard Webhooks libraries take). */
  secret: string;
  /** Until when the secret before the last rotation still signs too; null when none does. */
  previousValidUntil: Date | null;
}
