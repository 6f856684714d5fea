import type { LinkStatus, PaymentStatus, Prisma } from "@/lib/generated/prisma/client";
import { getDb, isUuid } from "@/lib/db/client";
import type { Actor, Payment, PaymentLink } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { toPaymentLink } from "@/lib/services/links/to-payment-link";
import { lockOrder } from "@/lib/services/orders/lock-order";
import { fromStoredMinor } from "@/lib/money";
import { toPayment } from "./to-payment";

export interface SettleInput {
  paymentId: string;
  outcome: "SUCCESSFUL" | "FAILED";
  /** Our reason code for a failure (INSUFFICIENT_FUNDS, PAYER_REJECTED, TIMEOUT, ...). */
  failureReason?: string;
  providerReference?: string;
  actor: Actor;
  /**
   * Whether this is the provider's own final answer (the default). False for a failure we decide
   * without it (our long deadline passed with the provider unreachable or still pending): the
   * payment fails and releases its use, but stays open to the provider's later answer, which wins.
   */
  fromProvider?: boolean;
}

/** Why a late success could not count toward its link: the money is to be refunded. */
export type OverCollectionReason = "LINK_USED_UP" | "LINK_CANCELLED" | "ORDER_PAID";

export interface Settlement {
  payment: Payment;
  link: PaymentLink;
  /** False when nothing changed: a replayed callback, or an answer after the final one. */
  changed: boolean;
  /**
   * Set when a success arrived after we had failed the payment locally ("paid late"): it either
   * took a free use of its link again, or found none and was flagged as an over-collection.
   */
  late?: { overCollected: OverCollectionReason | null };
}

interface LockedPayment {
  status: PaymentStatus;
  failed_locally_at: Date | null;
  link_id: string;
  amount_minor: bigint;
}

interface LockedLink {
  status: LinkStatus;
  merchant_id: string;
  order_id: string | null;
  current_uses: number;
  max_uses: number;
  pending_uses: number;
}

/**
 * Records an answer about a payment, at most once per change, in one transaction that locks the
 * payment row first (then its order, then its link: the order redeemLink takes them in), so that
 * a callback and a poll racing each other record it once.
 *
 * - PENDING + SUCCESSFUL: the reserved use is kept (its hold by a pending payment ends); the link
 *   is PAID in money once every use is paid and none is held (`link.paid`).
 * - PENDING + FAILED: the use is released, a link PAID only through reservations reopens.
 *   Without the provider's word (`fromProvider: false`) the payment is marked failed locally.
 * - FAILED locally + SUCCESSFUL (the provider's final word wins, "paid late"): the payment is
 *   SUCCESSFUL; it takes a use of its link again when one is free (and its order's rest allows),
 *   else it counts for nothing and is flagged as an over-collection for the merchant to refund
 *   (`payment.over_collected`).
 * - FAILED locally + FAILED: the provider confirms; its reason is kept, nothing else changes.
 * - Anything else (a final payment, or our own decision on a payment that is no longer PENDING)
 *   changes nothing: the first final answer stands.
 */
export async function settlePayment(input: SettleInput): Promise<Settlement> {
  if (!isUuid(input.paymentId)) throw notFound("payment");
  const fromProvider = input.fromProvider ?? true;

  return getDb().$transaction(async (tx) => {
    const [payment] = await tx.$queryRaw<LockedPayment[]>`
      SELECT status, failed_locally_at, link_id, amount_minor FROM payments WHERE id = ${input.paymentId}::uuid FOR UPDATE`;
    if (!payment) throw notFound("payment");

    if (payment.status === "PENDING") {
      await (input.outcome === "SUCCESSFUL" ? succeed(tx, input, payment) : fail(tx, input, payment, fromProvider));
      return read(tx, input.paymentId, true);
    }
    if (payment.status === "FAILED" && payment.failed_locally_at !== null && fromProvider) {
      if (input.outcome === "SUCCESSFUL") {
        const overCollected = await succeedLate(tx, input, payment);
        return { ...(await read(tx, input.paymentId, true)), late: { overCollected } };
      }
      // The provider confirms the failure: keep its reason, stop asking it.
      await tx.$executeRaw`
        UPDATE payments SET failure_reason = ${input.failureReason ?? "UNKNOWN"}, failed_locally_at = NULL, updated_at = now()
         WHERE id = ${input.paymentId}::uuid`;
    }
    return read(tx, input.paymentId, false);
  });
}

async function succeed(tx: Prisma.TransactionClient, input: SettleInput, payment: LockedPayment): Promise<void> {
  await tx.$executeRaw`
    UPDATE payments
       SET status = 'SUCCESSFUL', failure_reason = NULL,
           provider_reference = COALESCE(${input.providerReference ?? null}, provider_reference),
           settled_at = now(), updated_at = now()
     WHERE id = ${input.paymentId}::uuid`;
  const link = await lockLink(tx, payment.link_id);
  // The use stays taken, no longer held: PAID once every use is taken and none is held.
  const [after] = await tx.$queryRaw<{ status: LinkStatus; pending_uses: number }[]>`
    UPDATE payment_links
       SET pending_uses = pending_uses - 1,
           status  = CASE WHEN status = 'ACTIVE' AND current_uses >= max_uses THEN 'PAID' ELSE status END,
           paid_at = CASE WHEN status = 'ACTIVE' AND current_uses >= max_uses THEN now() ELSE paid_at END,
           updated_at = now()
     WHERE id = ${payment.link_id}::uuid
 RETURNING status, pending_uses`;
  const base = { merchantId: link.merchant_id, linkId: payment.link_id, actor: input.actor };
  await recordEvent(tx, { ...base, paymentId: input.paymentId, type: "payment.succeeded", data: { provider_reference: input.providerReference ?? null } });
  if (after!.status === "PAID" && after!.pending_uses === 0) await recordEvent(tx, { ...base, type: "link.paid", data: { current_uses: link.current_uses } });
}

async function fail(tx: Prisma.TransactionClient, input: SettleInput, payment: LockedPayment, fromProvider: boolean): Promise<void> {
  const failureReason = input.failureReason ?? "UNKNOWN";
  await tx.$executeRaw`
    UPDATE payments
       SET status = 'FAILED', failure_reason = ${failureReason},
           provider_reference = COALESCE(${input.providerReference ?? null}, provider_reference),
           failed_locally_at = ${fromProvider ? null : new Date()},
           settled_at = now(), updated_at = now()
     WHERE id = ${input.paymentId}::uuid`;
  const link = await lockLink(tx, payment.link_id);
  await tx.$executeRaw`
    UPDATE payment_links
       SET current_uses = current_uses - 1,
           pending_uses = pending_uses - 1,
           status  = CASE WHEN status = 'PAID' THEN 'ACTIVE' ELSE status END,
           paid_at = CASE WHEN status = 'PAID' THEN NULL ELSE paid_at END,
           updated_at = now()
     WHERE id = ${payment.link_id}::uuid`;
  const base = { merchantId: link.merchant_id, linkId: payment.link_id, actor: input.actor };
  await recordEvent(tx, {
    ...base,
    paymentId: input.paymentId,
    type: "payment.failed",
    // failed_locally: no final word from the provider yet; its later answer still counts.
    data: { reason: failureReason, ...(fromProvider ? {} : { failed_locally: true }) },
  });
  if (link.status === "PAID") await recordEvent(tx, { ...base, type: "link.reopened" });
}

/**
 * A success after we failed the payment locally. Under the order's lock (when the link has an
 * order) and the link's, it takes a use again if one is free, the link is not cancelled and the
 * order's unpaid rest still covers it; otherwise it is an over-collection. Returns why, or null.
 */
async function succeedLate(tx: Prisma.TransactionClient, input: SettleInput, payment: LockedPayment): Promise<OverCollectionReason | null> {
  const [linkOrder] = await tx.$queryRaw<{ order_id: string | null }[]>`SELECT order_id FROM payment_links WHERE id = ${payment.link_id}::uuid`;
  const order = linkOrder?.order_id ? await lockOrder(tx, linkOrder.order_id) : null;
  const link = await lockLink(tx, payment.link_id);
  const overCollected: OverCollectionReason | null =
    link.status === "CANCELLED"
      ? "LINK_CANCELLED"
      : link.current_uses >= link.max_uses
        ? "LINK_USED_UP"
        : order && fromStoredMinor(payment.amount_minor) > order.unpaidMinor
          ? "ORDER_PAID"
          : null;

  await tx.$executeRaw`
    UPDATE payments
       SET status = 'SUCCESSFUL', failure_reason = NULL,
           provider_reference = COALESCE(${input.providerReference ?? null}, provider_reference),
           over_collected_at = ${overCollected ? new Date() : null},
           settled_at = now(), updated_at = now()
     WHERE id = ${input.paymentId}::uuid`;
  const base = { merchantId: link.merchant_id, linkId: payment.link_id, actor: input.actor };
  let paidNow = false;
  if (!overCollected) {
    const [after] = await tx.$queryRaw<{ status: LinkStatus; pending_uses: number }[]>`
      UPDATE payment_links
         SET current_uses = current_uses + 1,
             status  = CASE WHEN current_uses + 1 >= max_uses AND status IN ('ACTIVE', 'EXPIRED') THEN 'PAID' ELSE status END,
             paid_at = CASE WHEN current_uses + 1 >= max_uses AND status IN ('ACTIVE', 'EXPIRED') THEN now() ELSE paid_at END,
             updated_at = now()
       WHERE id = ${payment.link_id}::uuid
   RETURNING status, pending_uses`;
    paidNow = after!.status === "PAID" && after!.pending_uses === 0;
  }
  await recordEvent(tx, {
    ...base,
    paymentId: input.paymentId,
    type: "payment.succeeded",
    data: { provider_reference: input.providerReference ?? null, late: true, ...(overCollected ? { over_collected: overCollected } : {}) },
  });
  if (overCollected) {
    await recordEvent(tx, { ...base, paymentId: input.paymentId, type: "payment.over_collected", data: { reason: overCollected } });
  }
  if (paidNow) await recordEvent(tx, { ...base, type: "link.paid", data: { current_uses: link.current_uses + 1 } });
  return overCollected;
}

async function lockLink(tx: Prisma.TransactionClient, linkId: string): Promise<LockedLink> {
  const [link] = await tx.$queryRaw<LockedLink[]>`
    SELECT status, merchant_id, order_id, current_uses, max_uses, pending_uses FROM payment_links WHERE id = ${linkId}::uuid FOR UPDATE`;
  return link!;
}

async function read(tx: Prisma.TransactionClient, paymentId: string, changed: boolean): Promise<Settlement> {
  const { link, ...payment } = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { link: true } });
  return { payment: toPayment(payment), link: toPaymentLink(link), changed };
}
