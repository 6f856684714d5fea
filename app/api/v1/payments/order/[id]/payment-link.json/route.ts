import { getOrderPaymentLink } from "@/lib/contracts/cyclesoftware/operations";
import { shapeOrderPaymentLink } from "@/lib/contracts/cyclesoftware/shape-payment-link";
import { toOrderLinkInput } from "@/lib/contracts/cyclesoftware/to-domain";
import { route } from "@/lib/contracts/kit/route";
import { createOrderLink } from "@/lib/services/orders/create-order-link";
import { getOrderByNumberOrThrow } from "@/lib/services/orders/get-order-by-number-or-throw";

/** GET /api/v1/payments/order/:id/payment-link.json?payment_amount_cents=&dynamic_payment_amount= */
export const GET = route(getOrderPaymentLink, async ({ params, query, credential, baseUrl }) => {
  const scope = { merchantId: credential.merchantId, actor: credential.actor };
  const order = await getOrderByNumberOrThrow(scope, "SALES_ORDER", params.id);
  const { link, order: now } = await createOrderLink(scope, order.id, toOrderLinkInput(query, credential.mode));
  return { data: await shapeOrderPaymentLink(link, now, baseUrl) };
});
