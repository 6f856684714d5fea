import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { newTransactionId } from "@/lib/domain/links/codes";
import { goneReason } from "@/lib/domain/links/lifecycle";
import { providerSchema } from "@/lib/domain/links/schemas";
import type { Actor, Payment, PaymentLink } from "@/lib/domain/links/types";
import type { Provider } from "@/lib/domain/links/enums";
import { normalizeCameroonMobile } from "@/lib/domain/payments/phone";
import { parseOrThrow } from "@/lib/domain/validation";
import { orderLinkAmount, orderLinkGoneReason } from "@/lib/domain/orders/balance";
import type { OrderView } from "@/lib/domain/orders/types";
import { gone, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent } from "@/lib/services/events/record-event";
import { lockOrder } from "@/lib/services/orders/lock-order";
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
}

/**
 * Reserves one use of the link and opens a PENDING payment, in one transaction. The reservation
 * is a single conditional UPDATE, so under any concurrency a link with max_uses = N never has
 * more than N uses reserved; the reservation that reaches N marks the link PAID.
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
    const reserved = await tx.$queryRaw<{ id: string }[]>`
      UPDATE payment_links
         SET current_uses = current_uses + 1,
             status  = CASE WHEN current_uses + 1 >= max_uses THEN 'PAID' ELSE status END,
             paid_at = CASE WHEN current_uses + 1 >= max_uses THEN now() ELSE paid_at END,
             updated_at = now()
       WHERE slug = ${input.slug}
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
    if (row.status === "PAID") await recordEvent(tx, { ...base, type: "link.paid", data: { current_uses: row.currentUses } });

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
