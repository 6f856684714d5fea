import { getDb, isUuid } from "@/lib/db/client";
import type { Payment, PaymentLink } from "@/lib/domain/links/types";
import { orderLinkAmount } from "@/lib/domain/orders/balance";
import type { GoneReason } from "@/lib/errors";
import { findGoneReason } from "@/lib/services/links/find-gone-reason";
import { toPaymentLink } from "@/lib/services/links/to-payment-link";
import { findOrder } from "@/lib/services/orders/find-order";
import { toPayment } from "@/lib/services/payments/to-payment";

export interface PayPage {
  /** A dynamic link of an order shows its current amount: the unpaid rest (or the followed payment's amount). */
  link: PaymentLink;
  merchant: { name: string; defaultLanguage: string };
  /** Why the link cannot be paid now, or null. */
  gone: GoneReason | null;
  /** The payment the customer is following (?payment=), when it belongs to this link. */
  payment: Payment | null;
}

/** Everything the hosted pay page shows, read in one place for the page and its status code. */
export async function getPayPage(slug: string, paymentId?: string | null): Promise<PayPage | null> {
  const row = await getDb().paymentLink.findUnique({
    where: { slug },
    include: { merchant: { select: { name: true, defaultLanguage: true } } },
  });
  if (!row) return null;
  const { merchant, ...linkRow } = row;
  const stored = toPaymentLink(linkRow);
  const paymentRow =
    paymentId && isUuid(paymentId) ? await getDb().payment.findFirst({ where: { id: paymentId, linkId: stored.id } }) : null;
  const payment = paymentRow ? toPayment(paymentRow) : null;
  const unpaid = stored.orderId ? (await findOrder(getDb(), stored.orderId))?.unpaidMinor : undefined;
  const gone = await findGoneReason(stored, new Date(), unpaid);
  return { link: shownLink(stored, unpaid, payment), merchant, gone, payment };
}

/** A dynamic link of an order shows what it would take now, or what the followed payment takes. */
function shownLink(link: PaymentLink, unpaid: number | undefined, payment: Payment | null): PaymentLink {
  if (!link.dynamicAmount || unpaid === undefined) return link;
  return { ...link, amountMinor: payment ? payment.amountMinor : orderLinkAmount(link, unpaid) };
}
