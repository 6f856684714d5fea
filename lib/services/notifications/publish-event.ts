import type { Prisma } from "@/lib/generated/prisma/client";
import { callbackMessagesFor } from "./callback-messages";
import { personMessagesFor } from "./person-messages";
import { webhookMessagesFor } from "./webhook-messages";

/** An event as recorded in the timeline, for whatever it must tell the outside world. */
export interface RecordedEvent {
  id: string;
  merchantId: string;
  type: string;
  actor: string;
  linkId: string | null;
  paymentId: string | null;
  data: Prisma.JsonValue;
  createdAt: Date;
}

/**
 * Everything an event tells the outside world is written to the outbox here, in the same
 * transaction as the change: signed webhooks to the merchant's endpoints, the CM-style callback
 * to the link's (or merchant's) callback URL, emails and SMS to payers and the merchant.
 */
export async function publishEvent(tx: Prisma.TransactionClient, event: RecordedEvent): Promise<void> {
  await webhookMessagesFor(tx, event);
  await callbackMessagesFor(tx, event);
  await personMessagesFor(tx, event);
}
