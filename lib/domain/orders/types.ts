import type { Mode } from "@/lib/domain/links/enums";

export const ORDER_KINDS = ["SALES_ORDER", "INVOICE"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** How a link pays toward its order (CycleSoftware's three ways of asking for one). */
export const ORDER_LINK_KINDS = ["rest", "advance", "dynamic"] as const;
export type OrderLinkKind = (typeof ORDER_LINK_KINDS)[number];

/**
 * A sales order or an invoice and what is paid of it, computed on every read from the amounts
 * recorded as paid elsewhere and the payments through its links. Amounts are integer minor
 * units of `currency`.
 */
export interface OrderView {
  id: string;
  merchantId: string;
  kind: OrderKind;
  /** The merchant's sales order id or invoice number. */
  number: number;
  totalMinor: number;
  currency: string;
  description: string | null;
  /** The sales order an invoice belongs to, if any. */
  parentId: string | null;
  /** Recorded as paid outside the product. */
  paidElsewhereMinor: number;
  /** paidElsewhereMinor + SUCCESSFUL payments through the order's links (CycleSoftware's already_payed_cents). */
  paidMinor: number;
  /** PENDING payments through the order's links: reserved, not yet paid. */
  pendingMinor: number;
  /** What a new payment may still collect: max(0, total - paid - pending). */
  unpaidMinor: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What the payments through an order's links add up to, per status that counts. */
export interface OrderPaymentSums {
  successfulMinor: number;
  pendingMinor: number;
}

/** The link an order link request asks for, decided from the unpaid rest (see planOrderLink). */
export interface OrderLinkPlan {
  dynamicAmount: boolean;
  /** The fixed amount, or for a dynamic link the rest at creation (shown until redeemed). */
  amountMinor: number;
}

export interface OrderLinkRequest {
  kind: OrderLinkKind;
  amountMinor?: number;
  mode: Mode;
}
