import type { Payment as PaymentRow } from "@/lib/generated/prisma/client";
import type { PaymentWithLink } from "@/lib/domain/payments/types";
import { toPayment } from "./to-payment";

/** What to include of the link when reading payments for the dashboard. */
export const PAYMENT_LINK_SUMMARY = { select: { id: true, slug: true, description: true } } as const;

export function toPaymentWithLink(row: PaymentRow & { link: PaymentWithLink["link"] }): PaymentWithLink {
  const { link, ...payment } = row;
  return { ...toPayment(payment), link };
}
