import type { Prisma } from "@/lib/generated/prisma/client";
import { callbackBatchMs } from "@/lib/services/outbox/config";
import { enqueueMessage } from "@/lib/services/outbox/enqueue-message";
import type { RecordedEvent } from "./publish-event";

/** How a link is named in a CM callback. */
export const cmLinkRef = (linkId: string) => `pml-${linkId}`;

/** Events that always change a link's status. */
const STATUS_EVENTS = new Set(["link.cancelled", "link.reopened", "link.expired"]);

/**
 * The CM.com-style callback: when a link's status changes, `{"paymentlink_refs": ["pml-<id>"]}`
 * is POSTed to the link's callback_url, else the merchant's callback URL (nothing when neither
 * is set). Each change is one CALLBACK message due CALLBACK_BATCH_MS from now; the worker sends
 * the messages of one destination together as one POST, so changes close together go as one.
 *
 * Status changes: link.cancelled, link.reopened, link.expired, link.updated when it changed
 * `status` or `active` (deactivated / reactivated), and paid as below.
 * A link counts as paid only once money arrived: the callback goes on the `payment.succeeded`
 * after which the link is PAID with no use still held by a pending payment.
 */
export async function callbackMessagesFor(tx: Prisma.TransactionClient, event: RecordedEvent): Promise<void> {
  if (!event.linkId || !(await changesLinkStatus(tx, event))) return;
  const link = await tx.paymentLink.findUnique({
    where: { id: event.linkId },
    select: { callbackUrl: true, merchant: { select: { callbackUrl: true } } },
  });
  const destination = link?.callbackUrl?.trim() || link?.merchant.callbackUrl?.trim();
  if (!destination) return;
  await enqueueMessage(tx, {
    merchantId: event.merchantId,
    channel: "CALLBACK",
    destination,
    kind: "cm.callback",
    eventId: event.id,
    payload: { paymentlink_refs: [cmLinkRef(event.linkId)] },
    notBefore: new Date(Date.now() + callbackBatchMs()),
  });
}

async function changesLinkStatus(tx: Prisma.TransactionClient, event: RecordedEvent): Promise<boolean> {
  if (STATUS_EVENTS.has(event.type)) return true;
  if (event.type === "link.updated") {
    const changes = (event.data as { changes?: Record<string, unknown> } | null)?.changes;
    // `active` is CM's and Zeamster's deactivation: an integrator sees it as the link's status.
    return typeof changes === "object" && changes !== null && ("status" in changes || "active" in changes);
  }
  if (event.type === "payment.succeeded") {
    // A late success flagged as an over-collection changes nothing of the link.
    const data = event.data as { over_collected?: unknown } | null;
    if (typeof data === "object" && data !== null && data.over_collected !== undefined) return false;
    // Paid once every use is paid in money: none still held by a pending payment.
    const link = await tx.paymentLink.findUnique({ where: { id: event.linkId! }, select: { status: true, pendingUses: true } });
    return link?.status === "PAID" && link.pendingUses === 0;
  }
  return false;
}
