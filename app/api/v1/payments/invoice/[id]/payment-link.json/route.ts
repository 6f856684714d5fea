import { getInvoicePaymentLink } from "@/lib/contracts/cyclesoftware/operations";
import { shapeOrderPaymentLink } from "@/lib/contracts/cyclesoftware/shape-payment-link";
import { toOrderLinkInput } from "@/lib/contracts/cyclesoftware/to-domain";
import { route } from "@/lib/contracts/kit/route";
import { createOrderLink } from "@/lib/services/orders/create-order-link";
import { getOrderByNumberOrThrow } from "@/lib/services/orders/get-order-by-number-or-throw";

/** GET /api/v1/payments/invoice/:id/payment-link.json?dynamic_payment_amount= (payment_amount_cents is ignored here) */
export const GET = route(getInvoicePaymentLink, async ({ params, query, credential, baseUrl }) => {
  const scope = { merchantId: credential.merchantId, actor: credential.actor };
  const invoice = await getOrderByNumberOrThrow(scope, "INVOICE", params.id);
  const { link, order: now } = await createOrderLink(scope, invoice.id, toOrderLinkInput(query, credential.mode));
  return { data: await shapeOrderPaymentLink(link, now, baseUrl) };
});
