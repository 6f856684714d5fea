/**
 * How the merchant reads a payment beyond its status: the provider's final word wins, so a
 * payment we failed for want of an answer can still succeed ("paid late"), and a late success
 * for a link meanwhile used up is money to refund ("over-collected"). Pure; safe in the browser.
 */
import type { PaymentStatus } from "@/lib/domain/links/enums";

export type PaymentStanding = PaymentStatus | "PAID_LATE" | "OVER_COLLECTED";

export interface PaymentFacts {
  status: PaymentStatus;
  failedLocallyAt: Date | string | null;
  overCollectedAt: Date | string | null;
}

/** Over-collected first (it needs the merchant's action), then paid late, then the status. */
export function paymentStanding(payment: PaymentFacts): PaymentStanding {
  if (payment.status === "SUCCESSFUL" && payment.overCollectedAt !== null) return "OVER_COLLECTED";
  if (payment.status === "SUCCESSFUL" && payment.failedLocallyAt !== null) return "PAID_LATE";
  return payment.status;
}

/** Whether the payer of this payment should be refunded. */
export function needsRefund(payment: PaymentFacts): boolean {
  return paymentStanding(payment) === "OVER_COLLECTED";
}

/**
 * Whether a payment pays one use of its link: money that arrived (SUCCESSFUL), unless it came
 * late for a link already used up (an over-collection, to refund). The surfaces that count paid
 * uses (CM `status`, Sylius's order states) count these.
 */
export function paysAUse(payment: Pick<PaymentFacts, "status" | "overCollectedAt">): boolean {
  return payment.status === "SUCCESSFUL" && payment.overCollectedAt === null;
}
