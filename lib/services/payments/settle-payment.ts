import type { LinkStatus } from "@/lib/generated/prisma/client";
import { getDb, isUuid } from "@/lib/db/client";
import type { Actor, Payment, PaymentLink } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { toPaymentLink } from "@/lib/services/links/to-payment-link";
import { toPayment } from "./to-payment";

export interface SettleInput {
  paymentId: string;
  outcome: "SUCCESSFUL" | "FAILED";
  /** Our reason code for a failure (INSUFFICIENT_FUNDS, PAYER_REJECTED, TIMEOUT, ...). */
  failureReason?: string;
  providerReference?: string;
  actor: Actor;
}

export interface Settlement {
  payment: Payment;
  link: PaymentLink;
  /** False when the payment was already settled: a replayed callback changes nothing. */
  changed: boolean;
}

/**
 * Records the provider's final word on a PENDING payment, once. SUCCESSFUL keeps the reserved
 * use (and marks the link PAID when its uses are exhausted); FAILED releases the use and
 * reopens a link that was PAID only through that reservation.
 */
export async function settlePayment(input: SettleInput): Promise<Settlement> {
  if (!isUuid(input.paymentId)) throw notFound("payment");
  const failureReason = input.outcome === "FAILED" ? (input.failureReason ?? "UNKNOWN") : null;

  return getDb().$transaction(async (tx) => {
    const settled = await tx.$queryRaw<{ link_id: string }[]>`
      UPDATE payments
         SET status = ${input.outcome}::"PaymentStatus",
             failure_reason = ${failureReason},
             provider_reference = COALESCE(${input.providerReference ?? null}, provider_reference),
             settled_at = now(),
             updated_at = now()
       WHERE id = ${input.paymentId}::uuid AND status = 'PENDING'
   RETURNING link_id`;

    if (settled.length === 0) {
      const payment = await tx.payment.findUnique({ where: { id: input.paymentId }, include: { link: true } });
      if (!payment) throw notFound("payment");
      const { link, ...rest } = payment;
      return { payment: toPayment(rest), link: toPaymentLink(link), changed: false };
    }

    const linkId = settled[0]!.link_id;
    const [before] = await tx.$queryRaw<{ status: LinkStatus; merchant_id: string }[]>`
      SELECT status, merchant_id FROM payment_links WHERE id = ${linkId}::uuid FOR UPDATE`;
    const base = { merchantId: before!.merchant_id, linkId, paymentId: input.paymentId, actor: input.actor };

    if (input.outcome === "FAILED") {
      await tx.$executeRaw`
        UPDATE payment_links
           SET current_uses = current_uses - 1,
               status  = CASE WHEN status = 'PAID' THEN 'ACTIVE' ELSE status END,
               paid_at = CASE WHEN status = 'PAID' THEN NULL ELSE paid_at END,
               updated_at = now()
         WHERE id = ${linkId}::uuid`;
      await recordEvent(tx, { ...base, type: "payment.failed", data: { reason: failureReason } });
      if (before!.status === "PAID") await recordEvent(tx, { ...base, paymentId: undefined, type: "link.reopened" });
    } else {
      const paidNow = await tx.$executeRaw`
        UPDATE payment_links SET status = 'PAID', paid_at = now(), updated_at = now()
         WHERE id = ${linkId}::uuid AND status = 'ACTIVE' AND current_uses >= max_uses`;
      await recordEvent(tx, { ...base, type: "payment.succeeded", data: { provider_reference: input.providerReference ?? null } });
      if (paidNow > 0) await recordEvent(tx, { ...base, paymentId: undefined, type: "link.paid" });
    }

    const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId }, include: { link: true } });
    const { link, ...rest } = payment;
    return { payment: toPayment(rest), link: toPaymentLink(link), changed: true };
  });
}
