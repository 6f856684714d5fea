/** How payments can be sorted when they are listed by number (no database here: wire schemas read it). */
export const PAYMENT_SORT_FIELDS = ["amount", "createdAt", "updatedAt"] as const;
export type PaymentSortField = (typeof PAYMENT_SORT_FIELDS)[number];

export interface PaymentSort {
  field: PaymentSortField;
  direction: "asc" | "desc";
}

export const MAX_PAYMENTS_PAGE_SIZE = 100;
