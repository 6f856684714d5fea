import { getDb, isUuid } from "@/lib/db/client";
import type { Payment, PaymentLink } from "@/lib/domain/links/types";
import type { GoneReason } from "@/lib/errors";
import { findGoneReason } from "@/lib/services/links/find-gone-reason";
import { toPaymentLink } from "@/lib/services/links/to-payment-link";
import { toPayment } from "@/lib/services/payments/to-payment";

export interface PayPage {
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
  const link = toPaymentLink(linkRow);
  const paymentRow =
    paymentId && isUuid(paymentId) ? await getDb().payment.findFirst({ where: { id: paymentId, linkId: link.id } }) : null;
  return { link, merchant, gone: await findGoneReason(link), payment: paymentRow ? toPayment(paymentRow) : null };
}

/** The HTTP status of the pay page: 404 unknown, 410 gone (unless following a payment), else 200. */
export function payPageStatus(page: PayPage | null): 200 | 404 | 410 {
  if (!page) return 404;
  if (page.payment) return 200;
  return page.gone ? 410 : 200;
}
