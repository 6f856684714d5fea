/** Our model -> Instanvi JSON. Amounts leave as major units of the link's currency. */
import type { z } from "zod";
import type { Payment, PaymentLink } from "@/lib/domain/links/types";
import { payPageUrl } from "@/lib/domain/links/urls";
import type { Redemption } from "@/lib/services/links/redeem-link";
import { toMajorNumber } from "@/lib/money";
import { maskPhone } from "@/lib/notifications/templates/messages";
import { needsRefund, paymentStanding } from "@/lib/domain/payments/standing";
import type {
  cancelledPaymentLinkData,
  createdPaymentLinkData,
  linkPaymentsData,
  paymentLinkDetailData,
  paymentLinkListItem,
  publicPaymentLinkData,
  redeemedPaymentLinkData,
  updatedPaymentLinkData,
} from "./schemas";

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const amountOf = (link: Pick<PaymentLink, "amountMinor" | "currency">) => toMajorNumber(link.amountMinor, link.currency);

export function shapeCreatedLink(link: PaymentLink, baseUrl: string): z.output<typeof createdPaymentLinkData> {
  return {
    id: link.id,
    slug: link.slug,
    url: payPageUrl(link.slug, {}, baseUrl),
    amount: amountOf(link),
    currency: link.currency,
    status: link.status,
    expires_at: iso(link.expiresAt),
    max_uses: link.maxUses,
    current_uses: link.currentUses,
  };
}

export function shapePublicLink(link: PaymentLink): z.output<typeof publicPaymentLinkData> {
  return {
    id: link.id,
    slug: link.slug,
    amount: amountOf(link),
    currency: link.currency,
    description: link.description,
    status: link.status,
    expires_at: iso(link.expiresAt),
    metadata: link.metadata,
    max_uses: link.maxUses,
    current_uses: link.currentUses,
    created_at: link.createdAt.toISOString(),
  };
}

export function shapeLinkDetail(link: PaymentLink): z.output<typeof paymentLinkDetailData> {
  return { ...shapePublicLink(link), updated_at: link.updatedAt.toISOString() };
}

export function shapeListItem(link: PaymentLink): z.output<typeof paymentLinkListItem> {
  return {
    id: link.id,
    slug: link.slug,
    amount: amountOf(link),
    currency: link.currency,
    status: link.status,
    expires_at: iso(link.expiresAt),
    current_uses: link.currentUses,
    max_uses: link.maxUses,
    created_at: link.createdAt.toISOString(),
  };
}

export function shapeUpdatedLink(link: PaymentLink): z.output<typeof updatedPaymentLinkData> {
  return { id: link.id, slug: link.slug };
}

export function shapeCancelledLink(link: PaymentLink): z.output<typeof cancelledPaymentLinkData> {
  return { id: link.id, slug: link.slug, status: "CANCELLED" };
}

export function shapeRedemption({ link, payment }: Redemption): z.output<typeof redeemedPaymentLinkData> {
  return {
    payment_link: { id: link.id, slug: link.slug, status: link.status, current_uses: link.currentUses },
    payment: {
      id: payment.id,
      amount: amountOf(payment),
      currency: payment.currency,
      status: payment.status,
      transaction_id: payment.transactionId,
    },
  };
}

export function shapeLinkPayments(link: PaymentLink, payments: Payment[]): z.output<typeof linkPaymentsData> {
  return {
    payment_link: { id: link.id, slug: link.slug, status: link.status, current_uses: link.currentUses, max_uses: link.maxUses },
    payments: payments.map((payment) => ({
      id: payment.id,
      transaction_id: payment.transactionId,
      amount: amountOf(payment),
      currency: payment.currency,
      status: payment.status,
      failure_reason: payment.failureReason,
      provider: payment.provider,
      payer_phone: maskPhone(payment.payerPhone),
      provider_reference: payment.providerReference,
      created_at: payment.createdAt.toISOString(),
      settled_at: iso(payment.settledAt),
      // An over-collection is a late success too.
      paid_late: paymentStanding(payment) !== payment.status,
      over_collected: needsRefund(payment),
    })),
  };
}
