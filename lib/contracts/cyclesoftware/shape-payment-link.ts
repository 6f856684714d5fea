/** Our model -> CycleSoftware JSON. Amounts leave as cents: integer minor units of the order's currency. */
import type { z } from "zod";
import type { PaymentLink } from "@/lib/domain/links/types";
import { shortUrl } from "@/lib/domain/links/urls";
import type { OrderView } from "@/lib/domain/orders/types";
import { qrPngDataUri } from "@/lib/qr/qr-png";
import type { paymentLinkData } from "./schemas";

/**
 * The link of a sales order or an invoice, with the order's figures as they are now. A dynamic
 * link has no amount of its own: the portal asks for what is unpaid, so that is its amount.
 */
export async function shapeOrderPaymentLink(link: PaymentLink, order: OrderView, baseUrl: string): Promise<z.output<typeof paymentLinkData>> {
  const paymentUrl = shortUrl(link.shortCode, baseUrl);
  return {
    sales_order_id: order.kind === "SALES_ORDER" ? order.number : null,
    sales_transaction_number: order.kind === "INVOICE" ? order.number : null,
    payment_url: paymentUrl,
    total_amount_cents: order.totalMinor,
    already_payed_cents: order.paidMinor,
    payment_link_amount_cents: link.dynamicAmount ? order.unpaidMinor : link.amountMinor,
    dynamic_payment_amount: link.dynamicAmount,
    qr_code: await qrPngDataUri(paymentUrl),
  };
}
