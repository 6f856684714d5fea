import { getDb, isUuid } from "@/lib/db/client";
import type { Payment, PaymentLink } from "@/lib/domain/links/types";
import { orderLinkAmount } from "@/lib/domain/orders/balance";
import type { GoneReason } from "@/lib/errors";
import { findGoneReason } from "@/lib/services/links/find-gone-reason";
import { toPaymentLink } from "@/lib/services/links/to-payment-link";
import { findOrder } from "@/lib/services/orders/find-order";
import { isModeAvailable } from "@/lib/services/payments/payment-modes";
import { toPayment } from "@/lib/services/payments/to-payment";
import { findLinkRowBySlug } from "./find-link-row-by-slug";

export interface PayPage {
  /** A dynamic link of an order shows its current amount: the unpaid rest (or the followed payment's amount). */
  link: PaymentLink;
  merchant: { name: string; defaultLanguage: string };
  /** Why the link cannot be paid now, or null. */
  gone: GoneReason | null;
  /** The payment the customer is following (?payment=), when it belongs to this link. */
  payment: Payment | null;
}

/**
 * Everything the hosted pay page shows, read in one place for the page and its status code. The
 * link and the payment are read as they are now; the merchant's name and pay-page language, which
 * change rarely, may be up to MERCHANT_TTL_MS old (payPageMerchant).
 */
export async function getPayPage(slug: string, paymentId?: string | null): Promise<PayPage | null> {
  const linkRow = await findLinkRowBySlug(slug);
  if (!linkRow) return null;
  const merchant = await payPageMerchant(linkRow.merchantId);
  const stored = toPaymentLink(linkRow);
  const paymentRow =
    paymentId && isUuid(paymentId) ? await getDb().payment.findFirst({ where: { id: paymentId, linkId: stored.id } }) : null;
  const payment = paymentRow ? toPayment(paymentRow) : null;
  const unpaid = stored.orderId ? (await findOrder(getDb(), stored.orderId))?.unpaidMinor : undefined;
  // A LIVE link cannot be paid while no live provider is configured here.
  const gone = (await findGoneReason(stored, new Date(), unpaid)) ?? (isModeAvailable(stored.mode) ? null : "UNAVAILABLE");
  return { link: shownLink(stored, unpaid, payment), merchant, gone, payment };
}

/** How long this process keeps a merchant's name and pay-page language for the pay page. */
const MERCHANT_TTL_MS = 30_000;
const MAX_MERCHANTS = 10_000;
const merchants = new Map<string, { value: PayPage["merchant"]; expiresAt: number }>();

/**
 * The merchant as the pay page shows it, kept 30 s per process: under load, a merchant's pay
 * pages then cost one read each (the link), not two. A rename shows within 30 s.
 */
async function payPageMerchant(merchantId: string): Promise<PayPage["merchant"]> {
  const now = Date.now();
  const cached = merchants.get(merchantId);
  if (cached && cached.expiresAt > now) return cached.value;
  const value = await getDb().merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { name: true, defaultLanguage: true } });
  merchants.delete(merchantId);
  merchants.set(merchantId, { value, expiresAt: now + MERCHANT_TTL_MS });
  if (merchants.size > MAX_MERCHANTS) merchants.delete(merchants.keys().next().value!);
  return value;
}

/** A dynamic link of an order shows what it would take now, or what the followed payment takes. */
function shownLink(link: PaymentLink, unpaid: number | undefined, payment: Payment | null): PaymentLink {
  if (!link.dynamicAmount || unpaid === undefined) return link;
  return { ...link, amountMinor: payment ? payment.amountMinor : orderLinkAmount(link, unpaid) };
}
