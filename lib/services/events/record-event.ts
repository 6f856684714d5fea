import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/domain/links/types";

export type EventType =
  | "link.created"
  | "link.updated"
  | "link.cancelled"
  | "link.redeemed"
  | "link.paid"
  | "link.reopened"
  | "payment.created"
  | "payment.initiated"
  | "payment.initiation_unknown"
  | "payment.succeeded"
  | "payment.failed"
  /** Order events have no link (linkId null); the order's id is in data.order_id. */
  | "order.created"
  | "order.paid_elsewhere";

/** Appends to the timeline, inside the caller's transaction so that no change goes unrecorded. */
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
  await tx.event.create({ data: { ...event, data: event.data ?? {} } });
}
