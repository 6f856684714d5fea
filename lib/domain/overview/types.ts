import type { MerchantLinkStatus } from "@/lib/domain/links/lifecycle";
import type { PaymentWithLink } from "@/lib/domain/payments/types";

/** Money collected (SUCCESSFUL payments, by settlement time) in one currency, in minor units. */
export interface CollectedInCurrency {
  currency: string;
  /** Since 00:00 UTC today. */
  today: number;
  /** Since 00:00 UTC six days ago: today and the six days before. */
  last7Days: number;
  /** Since 00:00 UTC 29 days ago: today and the 29 days before. */
  last30Days: number;
}

export interface Overview {
  /** One entry per currency with money collected in the last 30 days, by currency code. */
  collected: CollectedInCurrency[];
  /**
   * Links by status as the merchant reads it: an ACTIVE link past its expiry counts as EXPIRED,
   * a link whose uses are all taken but some still held by pending payments as AWAITING_PAYMENT.
   */
  linksByStatus: Record<MerchantLinkStatus, number>;
  /** Over the same 30 days: pay-page views, links paid at least once, and paidLinks / views (0 without views). */
  conversion: { views: number; paidLinks: number; rate: number };
  /** The 10 newest payments, whatever their status. */
  latestPayments: PaymentWithLink[];
}
