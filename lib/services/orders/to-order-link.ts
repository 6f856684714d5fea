import type { PaymentLink as PaymentLinkRow } from "@/lib/generated/prisma/client";
import type { PaymentLink } from "@/lib/domain/links/types";
import { orderLinkAmount } from "@/lib/domain/orders/balance";
import { toPaymentLink } from "@/lib/services/links/to-payment-link";

/**
 * A stored link of an order as the domain shows it: a dynamic link's amount is what it would
 * take now, the order's unpaid rest (the stored amount is only the rest when it was created).
 */
export function toOrderLink(row: PaymentLinkRow, unpaidMinor: number, now: Date = new Date()): PaymentLink {
  const link = toPaymentLink(row, now);
  return { ...link, amountMinor: orderLinkAmount(link, unpaidMinor) };
}
