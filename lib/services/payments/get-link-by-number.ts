/**
 * A payment link read by its sequential `number`, with everything paid through it: the "order"
 * of its payments for the contracts whose ids are integers (Sylius's /api/v1/orders/{id}).
 * Another merchant's number is NOT_FOUND, never FORBIDDEN.
 */
import { getDb } from "@/lib/db/client";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";
import { toPaymentLink } from "@/lib/services/links/to-payment-link";
import { isRowNumber, toNumberedPayment, type NumberedPayment } from "./numbered-payments";

export interface NumberedLink {
  link: PaymentLink & { number: number };
  /** Every payment attempt on the link, oldest first. */
  payments: NumberedPayment[];
  /** The sales order or invoice the link pays toward, if any (its number as the merchant gave it). */
  order: { kind: "SALES_ORDER" | "INVOICE"; number: string } | null;
  /** The language the link speaks to the customer: its own, else the merchant's default. */
  language: string;
}

export async function getLinkByNumberOrThrow(scope: Pick<MerchantScope, "merchantId">, number: number, now: Date = new Date()): Promise<NumberedLink> {
  if (!isRowNumber(number)) throw notFound("payment_link");
  const row = await getDb().paymentLink.findFirst({
    where: { number, merchantId: scope.merchantId },
    include: {
      payments: { orderBy: [{ createdAt: "asc" }, { number: "asc" }] },
      order: { select: { kind: true, number: true } },
      merchant: { select: { defaultLanguage: true } },
    },
  });
  if (!row) throw notFound("payment_link");
  const { payments, order, merchant, ...link } = row;
  return {
    link: { ...toPaymentLink(link, now), number: link.number },
    payments: payments.map((payment) => toNumberedPayment({ ...payment, link: { number: link.number } })),
    order: order ? { kind: order.kind, number: order.number.toString() } : null,
    language: link.language ?? merchant.defaultLanguage,
  };
}
