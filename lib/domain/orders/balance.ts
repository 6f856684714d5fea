/**
 * What is paid of an order and what its links may still collect, as pure functions
 * (DESIGN.md: "An order's links never collect more than the order's unpaid rest"). The services
 * read the sums under a lock of the order row; these functions decide with them.
 */
import { gone, validationError, type GoneReason } from "@/lib/errors";
import type { OrderKind, OrderLinkPlan, OrderPaymentSums } from "./types";

export interface OrderBalance {
  paidMinor: number;
  pendingMinor: number;
  unpaidMinor: number;
}

/**
 * Paid is what was recorded elsewhere plus SUCCESSFUL payments; PENDING payments hold their part
 * until settled (a FAILED one frees it); the unpaid rest never goes below 0, even when a late
 * success over-collected.
 */
export function orderBalance(order: { totalMinor: number; paidElsewhereMinor: number }, sums: OrderPaymentSums): OrderBalance {
  const paidMinor = order.paidElsewhereMinor + sums.successfulMinor;
  return { paidMinor, pendingMinor: sums.pendingMinor, unpaidMinor: Math.max(0, order.totalMinor - paidMinor - sums.pendingMinor) };
}

/** The amount a payment through this link of an order collects now: the rest for a dynamic link. */
export function orderLinkAmount(link: { dynamicAmount: boolean; amountMinor: number }, unpaidMinor: number): number {
  return link.dynamicAmount ? unpaidMinor : link.amountMinor;
}

/**
 * Why a link of an order cannot be paid now because of the order, or null: nothing left to pay
 * is PAID; a fixed amount above the rest is UNAVAILABLE (it may become payable again when a
 * pending payment fails).
 */
export function orderLinkGoneReason(link: { dynamicAmount: boolean; amountMinor: number }, unpaidMinor: number): GoneReason | null {
  if (unpaidMinor <= 0) return "PAID";
  return orderLinkAmount(link, unpaidMinor) > unpaidMinor ? "UNAVAILABLE" : null;
}

/** Refuses an amount above the unpaid rest, naming the limit (field `amount`). */
export function assertAmountWithinRest(amountMinor: number, unpaidMinor: number): void {
  if (amountMinor > unpaidMinor) {
    throw validationError(
      "amount",
      unpaidMinor > 0
        ? `amount must be at most ${unpaidMinor} (the unpaid rest)`
        : "amount must be at most 0 (the unpaid rest): nothing is left to pay",
    );
  }
}

/**
 * The link to create for a request: "rest" a fixed link for exactly the unpaid rest, "advance" a
 * fixed amount within it, "dynamic" a link that follows the rest. An order with nothing left to
 * pay gets no new link (GONE PAID). amountMinor is only read for "advance".
 */
export function planOrderLink(request: { kind: "rest" | "advance" | "dynamic"; amountMinor?: number }, unpaidMinor: number): OrderLinkPlan {
  if (request.kind === "advance" && request.amountMinor === undefined) {
    throw validationError("amount", "amount is required for an advance payment");
  }
  if (unpaidMinor <= 0) throw gone("PAID");
  switch (request.kind) {
    case "rest":
      return { dynamicAmount: false, amountMinor: unpaidMinor };
    case "dynamic":
      return { dynamicAmount: true, amountMinor: unpaidMinor };
    case "advance":
      assertAmountWithinRest(request.amountMinor!, unpaidMinor);
      return { dynamicAmount: false, amountMinor: request.amountMinor! };
  }
}

/** How people call the order: "Sales order 1012", "Invoice 2001" (link descriptions, messages). */
export function orderLabel(kind: OrderKind, number: number): string {
  return `${kind === "SALES_ORDER" ? "Sales order" : "Invoice"} ${number}`;
}
