import { getDb } from "@/lib/db/client";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import type { OrderView } from "@/lib/domain/orders/types";
import { toOrderLink } from "./to-order-link";

/**
 * The payment links of one of the merchant's orders (as read by getOrderOrThrow), newest first,
 * a dynamic one showing what it would take now (the order's unpaid rest).
 */
export async function listOrderLinks(
  scope: Pick<MerchantScope, "merchantId">,
  order: Pick<OrderView, "id" | "unpaidMinor">,
  now: Date = new Date(),
): Promise<PaymentLink[]> {
  const rows = await getDb().paymentLink.findMany({
    where: { orderId: order.id, merchantId: scope.merchantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((row) => toOrderLink(row, order.unpaidMinor, now));
}
