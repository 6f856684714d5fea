import type { Payment } from "@/lib/domain/links/types";

/** A payment with what the dashboard shows of its link. */
export interface PaymentWithLink extends Payment {
  link: { id: string; slug: string; description: string | null };
}

/** Per currency, over a filtered set of payments. Amounts in integer minor units. */
export interface PaymentTotals {
  currency: string;
  count: number;
  successfulCount: number;
  successfulAmountMinor: number;
}
