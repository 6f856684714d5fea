import type { OrderView } from "@/lib/domain/orders/types";

export type OrderPaymentState = "paid" | "partly paid" | "unpaid";

/** An order in words: paid when what is paid covers the total, partly paid when something is. */
export function orderPaymentState(order: Pick<OrderView, "totalMinor" | "paidMinor">): OrderPaymentState {
  if (order.paidMinor >= order.totalMinor) return "paid";
  return order.paidMinor > 0 ? "partly paid" : "unpaid";
}

const STYLES: Record<OrderPaymentState, string> = {
  paid: "bg-sky-100 text-sky-900",
  "partly paid": "bg-amber-100 text-amber-900",
  unpaid: "bg-slate-200 text-slate-800",
};

export function OrderStatusBadge({ order }: { order: Pick<OrderView, "totalMinor" | "paidMinor"> }) {
  const state = orderPaymentState(order);
  return (
    <span data-testid="order-status" className={`inline-block rounded px-2 py-0.5 text-xs font-bold ${STYLES[state]}`}>
      {state.charAt(0).toUpperCase() + state.slice(1)}
    </span>
  );
}
