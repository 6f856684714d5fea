import { getDb } from "@/lib/db/client";
import { goneReason } from "@/lib/domain/links/lifecycle";
import type { PaymentLink } from "@/lib/domain/links/types";
import { orderLinkGoneReason } from "@/lib/domain/orders/balance";
import { gone, type GoneReason } from "@/lib/errors";
import { findOrder } from "@/lib/services/orders/find-order";

/**
 * Why a link cannot be paid now (looking at its pending payments when that matters), or null.
 * The link's own state comes first; then, for a link of an order, the order's unpaid rest (the
 * rule redeemLink applies): nothing left is PAID, a fixed amount above the rest UNAVAILABLE.
 * `orderUnpaidMinor` is the rest when the caller has already read it.
 */
export async function findGoneReason(link: PaymentLink, now: Date = new Date(), orderUnpaidMinor?: number): Promise<GoneReason | null> {
  const pending = link.status === "PAID" ? await getDb().payment.count({ where: { linkId: link.id, status: "PENDING" } }) : 0;
  const own = goneReason(link, now, pending);
  if (own || !link.orderId) return own;
  const unpaid = orderUnpaidMinor ?? (await findOrder(getDb(), link.orderId))?.unpaidMinor;
  return unpaid === undefined ? null : orderLinkGoneReason(link, unpaid);
}

export async function throwIfGone(link: PaymentLink): Promise<void> {
  const reason = await findGoneReason(link);
  if (reason) throw gone(reason);
}
