import type { LinkStatus } from "@/lib/domain/links/enums";
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
  /** Links by effective status: an ACTIVE link past its expiry counts as EXPIRED. */
  linksByStatus: Record<LinkStatus, number>;
  /** Over the same 30 days: pay-page views, links paid at least once, and paidLinks / views (0 without views). */
  conversion: { views: number; paidLinks: number; rate: number };
  /** The 10 newest payments, whatever their status. */
  latestPayments: PaymentWithLink[];
}
