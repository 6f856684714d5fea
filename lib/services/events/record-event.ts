import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/domain/links/types";
import { publishEvent } from "@/lib/services/notifications/publish-event";

export type EventType =
  | "link.created"
  | "link.updated"
  | "link.cancelled"
  | "link.expired"
  | "link.redeemed"
  /** The last use is taken, held by a pending payment: awaiting payment, not paid. */
  | "link.awaiting_payment"
  /** Every use is paid in money (no use held by a pending payment). */
  | "link.paid"
  | "link.reopened"
  | "payment.created"
  | "payment.initiated"
  | "payment.initiation_unknown"
  | "payment.succeeded"
  | "payment.failed"
  /** A late success found its link used up: the merchant should refund it. */
  | "payment.over_collected"
  /** Order events have no link (linkId null); the order's id is in data.order_id. */
  | "order.created"
  | "order.paid_elsewhere";

/**
 * Appends to the timeline, inside the caller's transaction so that no change goes unrecorded,
 * and writes what the event tells the outside world to the outbox in that same transaction.
 */
export async function recordEvent(
  tx: Prisma.TransactionClient,
  event: {
    merchantId: string;
    type: EventType;
    actor: Actor;
    linkId?: string;
    paymentId?: string;
    data?: Prisma.InputJsonObject;
  },
): Promise<void> {
  const recorded = await tx.event.create({ data: { ...event, data: event.data ?? {} } });
  await publishEvent(tx, recorded);
}
