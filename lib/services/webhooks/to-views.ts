import type { OutboxMessage, WebhookEndpoint } from "@/lib/generated/prisma/client";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks/events";
import type { DeliveryDetail, DeliverySummary, WebhookEndpointView } from "@/lib/domain/webhooks/types";

export function toEndpointView(row: WebhookEndpoint): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: [...WEBHOOK_EVENT_TYPES.filter((type) => row.events.includes(type)), ...row.events.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e))],
    enabled: row.disabledAt === null,
    disabledAt: row.disabledAt,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The columns a list of deliveries reads (not the bodies). */
export const SUMMARY_SELECT = {
  id: true,
  kind: true,
  endpointId: true,
  destination: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastLatencyMs: true,
  lastError: true,
  nextAttemptAt: true,
  sentAt: true,
  createdAt: true,
} as const;

type SummaryRow = Pick<OutboxMessage, keyof typeof SUMMARY_SELECT>;

export function toDeliverySummary(row: SummaryRow): DeliverySummary {
  return {
    id: row.id,
    type: row.kind,
    endpointId: row.endpointId,
    url: row.destination,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastLatencyMs: row.lastLatencyMs,
    lastError: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
  };
}

export function toDeliveryDetail(
  row: OutboxMessage & { endpoint: Pick<WebhookEndpoint, "id" | "url" | "disabledAt"> | null },
): DeliveryDetail {
  return {
    ...toDeliverySummary(row),
    body: row.payload,
    lastRequest: row.lastRequest,
    lastResponse: row.lastResponse,
    endpoint: row.endpoint ? { id: row.endpoint.id, url: row.endpoint.url, enabled: row.endpoint.disabledAt === null } : null,
  };
}
