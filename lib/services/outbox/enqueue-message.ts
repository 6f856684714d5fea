import type { Prisma } from "@/lib/generated/prisma/client";

export type OutboxChannel = "WEBHOOK" | "CALLBACK" | "EMAIL" | "SMS";

export interface OutboxInput {
  merchantId: string;
  channel: OutboxChannel;
  /** The URL (webhook, callback), email address or phone number it goes to. */
  destination: string;
  /** Everything the sender needs, decided now (the body of a webhook, the text of an email). */
  payload: Prisma.InputJsonObject;
  /** For people: the webhook event type, "cm.callback", "email.receipt", ... */
  kind: string;
  eventId?: string;
  endpointId?: string;
  /** Not before this time (a callback waits a moment so that changes close together go as one). */
  notBefore?: Date;
}

/**
 * Writes a message to the outbox in the caller's transaction: it exists if and only if the
 * change that caused it was committed, and the worker delivers it later (never the request).
 */
export async function enqueueMessage(tx: Prisma.TransactionClient, input: OutboxInput): Promise<void> {
  await tx.outboxMessage.create({
    data: {
      merchantId: input.merchantId,
      channel: input.channel,
      destination: input.destination,
      payload: input.payload,
      kind: input.kind,
      eventId: input.eventId,
      endpointId: input.endpointId,
      ...(input.notBefore ? { nextAttemptAt: input.notBefore } : {}),
    },
  });
}
