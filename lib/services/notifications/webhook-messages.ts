import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEventType } from "@/lib/domain/webhooks/events";
import type { WebhookBody, WebhookLinkData } from "@/lib/domain/webhooks/payloads";
import { enqueueMessage } from "@/lib/services/outbox/enqueue-message";
import { readLinkForWebhook, readPaymentForWebhook, toWebhookLink } from "@/lib/services/webhooks/webhook-data";
import type { RecordedEvent } from "./publish-event";

/**
 * The webhook types a recorded event may become (before the `link.paid` check, see below):
 * - link.created, link.cancelled, link.expired: the same;
 * - link.updated: link.updated, or link.expired when it set the status to EXPIRED;
 * - payment.created: payment.pending; payment.succeeded, payment.failed: the same;
 * - payment.succeeded is also the only source of link.paid (our own `link.paid` event, recorded
 *   in the same transaction, sends nothing more); a late success flagged as an over-collection
 *   sends no link.paid (the link was paid by another payment);
 * - payment.over_collected: the same (money arrived late for a link already used up: refund it).
 * Every other event (link.redeemed, link.reopened, payment.initiated, order.*, ...) sends nothing.
 */
export function webhookTypesFor(event: Pick<RecordedEvent, "type" | "data">): WebhookEventType[] {
  switch (event.type) {
    case "link.created":
    case "link.cancelled":
    case "link.expired":
    case "payment.failed":
    case "payment.over_collected":
      return [event.type];
    case "payment.succeeded":
      return isObject(event.data) && event.data.over_collected !== undefined ? ["payment.succeeded"] : ["payment.succeeded", "link.paid"];
    case "link.updated":
      return statusSetTo(event.data) === "EXPIRED" ? ["link.expired"] : ["link.updated"];
    case "payment.created":
      return ["payment.pending"];
    default:
      return [];
  }
}

/** `data.changes.status.to` of a link.updated event, if any. */
function statusSetTo(data: Prisma.JsonValue): unknown {
  const changes = isObject(data) ? data.changes : undefined;
  const status = isObject(changes) ? changes.status : undefined;
  return isObject(status) ? status.to : undefined;
}

function isObject(value: unknown): value is Record<string, Prisma.JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Writes, in the event's transaction, one WEBHOOK message per enabled endpoint of the merchant
 * subscribed to each webhook type the event becomes (one query finds them; nothing else is read
 * when there is none). The message's kind is the webhook type and its payload the exact body
 * `{type, timestamp, data}` (lib/domain/webhooks/payloads.ts), built from the link or payment as
 * this transaction sees it after the change.
 *
 * `link.paid` goes with the payment.succeeded that pays the last use: the link is PAID after the
 * settlement and no other payment of it is still PENDING (settlePayment locks the link row
 * first, so of two payments settling at once exactly one sees that).
 */
export async function webhookMessagesFor(tx: Prisma.TransactionClient, event: RecordedEvent): Promise<void> {
  const candidates = webhookTypesFor(event);
  if (candidates.length === 0) return;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { merchantId: event.merchantId, disabledAt: null, events: { hasSome: candidates } },
    select: { id: true, url: true, events: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (endpoints.length === 0) return;

  const timestamp = event.createdAt.toISOString();
  const now = event.createdAt;
  let link: Awaited<ReturnType<typeof readLinkForWebhook>> | undefined;
  const readLink = async () => (link === undefined ? (link = event.linkId ? await readLinkForWebhook(tx, event.linkId) : null) : link);

  for (const type of candidates) {
    const receivers = endpoints.filter((endpoint) => endpoint.events.includes(type));
    if (receivers.length === 0) continue;

    let body: WebhookBody | null = null;
    if (type.startsWith("payment.")) {
      const data = event.paymentId ? await readPaymentForWebhook(tx, event.paymentId) : null;
      if (data) body = { type: type as Extract<WebhookEventType, `payment.${string}`>, timestamp, data };
    } else {
      const found = await readLink();
      if (!found) continue;
      if (type === "link.paid" && !(found.row.status === "PAID" && found.pendingPayments === 0)) continue;
      const data: WebhookLinkData = toWebhookLink(found.row, { pendingPayments: found.pendingPayments, now, expired: type === "link.expired" });
      body = { type: type as Exclude<WebhookEventType, `payment.${string}`>, timestamp, data };
    }
    if (!body) continue;

    for (const endpoint of receivers) {
      await enqueueMessage(tx, {
        merchantId: event.merchantId,
        channel: "WEBHOOK",
        destination: endpoint.url,
        payload: body as unknown as Prisma.InputJsonObject,
        kind: type,
        eventId: event.id,
        endpointId: endpoint.id,
      });
    }
  }
}
