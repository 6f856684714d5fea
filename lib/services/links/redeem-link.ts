import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { newTransactionId } from "@/lib/domain/links/codes";
import { goneReason } from "@/lib/domain/links/lifecycle";
import { providerSchema } from "@/lib/domain/links/schemas";
import type { Actor, Payment, PaymentLink } from "@/lib/domain/links/types";
import type { Mode, Provider } from "@/lib/domain/links/enums";
import { normalizeCameroonMobile } from "@/lib/domain/payments/phone";
import { parseOrThrow } from "@/lib/domain/validation";
import { orderLinkAmount, orderLinkGoneReason } from "@/lib/domain/orders/balance";
import type { OrderView } from "@/lib/domain/orders/types";
import { gone, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/services/events/record-event";
import { lockOrder } from "@/lib/services/orders/lock-order";
import { assertCanCollect } from "@/lib/services/payments/payment-modes";
import { toPayment } from "@/lib/services/payments/to-payment";
import { toPaymentLink } from "./to-payment-link";
import { fromStoredMinor } from "@/lib/money";

export interface RedeemInput {
  slug: string;
  provider: Provider;
  phoneNumber: string | number;
  actor?: Actor;
}

export interface Redemption {
  link: PaymentLink;
  payment: Payment;
  /**
   * True when this number already had a payment PENDING on the link: that payment is returned
   * instead of a new one (nothing reserved, nothing asked of the provider again).
   */
  resumed?: boolean;
}

/**
 * Reserves one use of the link and opens a PENDING payment, in one transaction. The link's row
 * is locked first, so the redeems of one link run one after another: under any concurrency a
 * link with max_uses = N never has more than N uses reserved. The reservation that reaches N
 * marks the link PAID with its uses held by pending payments (pending_uses > 0): "awaiting
 * payment" everywhere except Instanvi's `status`, until the money arrives.
 *
 * A second redeem from a number whose payment on this link is still PENDING gets that payment
 * back (`resumed`) instead of taking another use: one stranger cannot hold several uses with one
 * number, and a customer who comes back finds the payment in progress. A LIVE link is redeemed
 * only through a provider configured for live payments (INVALID_STATE otherwise).
 *
 * A link of an order is also paid atomically at the order level: its order row is locked first
 * (always before the link row), and the payment may take at most the order's unpaid rest. A
 * dynamic link takes exactly the rest; a fixed link above the rest is refused (GONE UNAVAILABLE,
 * or PAID when nothing is left), which undoes the reservation.
 */
export async function redeemLink(input: RedeemInput): Promise<Redemption> {
  const { provider } = parseOrThrow(z.object({ provider: providerSchema }), { provider: input.provider });
  const payerPhone = normalizeCameroonMobile(input.phoneNumber);
  const actor = input.actor ?? "customer";

  return getDb().$transaction(async (tx) => {
    const order = await lockOrderOfLink(tx, input.slug);
    const [locked] = await tx.$queryRaw<{ id: string; mode: Mode }[]>`
      SELECT id, mode FROM payment_links WHERE slug = ${input.slug} FOR UPDATE`;
    if (!locked) throw notFound("payment_link");

    const inProgress = await tx.payment.findFirst({
      where: { linkId: locked.id, payerPhone, status: "PENDING" },
      orderBy: { createdAt: "desc" },
    });
    if (inProgress) {
      const row = await tx.paymentLink.findUniqueOrThrow({ where: { id: locked.id } });
      return { link: { ...toPaymentLink(row), amountMinor: fromStoredMinor(inProgress.amountMinor) }, payment: toPayment(inProgress), resumed: true };
    }
    assertCanCollect(locked.mode, provider);

    const reserved = await tx.$queryRaw<{ id: string }[]>`
      UPDATE payment_links
         SET current_uses = current_uses + 1,
             pending_uses = pending_uses + 1,
             status  = CASE WHEN current_uses + 1 >= max_uses THEN 'PAID' ELSE status END,
             paid_at = CASE WHEN current_uses + 1 >= max_uses THEN now() ELSE paid_at END,
             updated_at = now()
       WHERE id = ${locked.id}::uuid
         AND status = 'ACTIVE'
         AND deactivated_at IS NULL
         AND current_uses < max_uses
         AND (expires_at IS NULL OR expires_at > now())
   RETURNING id`;

    if (reserved.length === 0) {
      const row = await tx.paymentLink.findUnique({ where: { slug: input.slug } });
      if (!row) throw notFound("payment_link");
      const pending = row.status === "PAID" ? await tx.payment.count({ where: { linkId: row.id, status: "PENDING" } }) : 0;
      throw gone(goneReason(row, new Date(), pending) ?? "UNAVAILABLE");
    }

    const row = await tx.paymentLink.findUniqueOrThrow({ where: { id: reserved[0]!.id } });
    const amountMinor = order ? chargeTowardOrder(toPaymentLink(row), order) : fromStoredMinor(row.amountMinor);
    const payment = await tx.payment.create({
      data: {
        merchantId: row.merchantId,
        linkId: row.id,
        amountMinor: BigInt(amountMinor),
        currency: row.currency,
        provider,
        payerPhone,
        mode: row.mode,
        transactionId: newTransactionId(row.slug),
      },
    });
    const base = { merchantId: row.merchantId, linkId: row.id, actor };
    await recordEvent(tx, {
      ...base,
      paymentId: payment.id,
      type: "payment.created",
      data: {
        provider,
        transaction_id: payment.transactionId,
        amount_minor: amountMinor,
        ...(order ? { order_id: order.id, order_unpaid_minor: order.unpaidMinor } : {}),
      },
    });
    await recordEvent(tx, { ...base, type: "link.redeemed", data: { current_uses: row.currentUses, max_uses: row.maxUses } });
    // Every use is taken, but not paid: the last one is held by this pending payment.
    if (row.status === "PAID") await recordEvent(tx, { ...base, type: "link.awaiting_payment", data: { current_uses: row.currentUses } });

    // A dynamic link reads as the amount this payment takes.
    return { link: { ...toPaymentLink(row), amountMinor }, payment: toPayment(payment) };
  });
}

/** Locks the order of the link with this slug, if it has one (before the link row is touched). */
async function lockOrderOfLink(tx: Prisma.TransactionClient, slug: string): Promise<OrderView | null> {
  const link = await tx.paymentLink.findUnique({ where: { slug }, select: { orderId: true } });
  return link?.orderId ? lockOrder(tx, link.orderId) : null;
}

/** What a payment through this link takes from its locked order, or GONE when the rest does not allow it. */
function chargeTowardOrder(link: PaymentLink, order: OrderView): number {
  const reason = orderLinkGoneReason(link, order.unpaidMinor);
  if (reason) throw gone(reason);
  return orderLinkAmount(link, order.unpaidMinor);
}
