/**
 * A payment link as the Sylius "order" of its payments (GET /api/v1/orders/{id}): the link is
 * what the customer checks out, its amount the total, its payments the order's payments.
 */
import type { z } from "zod";
import { paysAUse } from "@/lib/domain/payments/standing";
import type { NumberedLink } from "@/lib/services/payments/get-link-by-number";
import { syliusOrderStates } from "./catalog";
import type { orderSchema } from "./schemas";
import { shapeChannel, shapePayment, syliusDate, syliusPaths } from "./shape-payment";

const ORDER_KIND_NAMES = { SALES_ORDER: "Sales order", INVOICE: "Invoice" } as const;

export function shapeOrder({ link, payments, order, language }: NumberedLink, baseUrl: string): z.output<typeof orderSchema> {
  const paid = payments.filter(paysAUse).length;
  const states = syliusOrderStates(link, paid);
  const notes = [order ? `${ORDER_KIND_NAMES[order.kind]} ${order.number}` : null, link.description].filter(Boolean).join(": ");
  return {
    id: link.number,
    checkoutCompletedAt: syliusDate(link.createdAt),
    number: order ? order.number : String(link.number).padStart(9, "0"),
    notes: notes || null,
    items: [
      {
        id: link.number,
        quantity: 1,
        unitPrice: link.amountMinor,
        total: link.amountMinor,
        adjustments: [],
        adjustmentsTotal: 0,
        productName: link.description ?? link.slug,
      },
    ],
    itemsTotal: link.amountMinor,
    adjustments: [],
    adjustmentsTotal: 0,
    total: link.amountMinor,
    state: states.state,
    channel: shapeChannel(baseUrl),
    payments: payments.map((payment) => shapePayment(payment, baseUrl)),
    currencyCode: link.currency,
    localeCode: `${language}_CM`,
    checkoutState: states.checkoutState,
    paymentState: states.paymentState,
    tokenValue: link.slug,
    createdAt: syliusDate(link.createdAt),
    updatedAt: syliusDate(link.updatedAt),
    _links: { self: { href: syliusPaths.order(link.number) } },
  };
}
