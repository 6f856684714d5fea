import { route } from "@/lib/contracts/kit/route";
import { getOrder } from "@/lib/contracts/sylius/operations";
import { shapeOrder } from "@/lib/contracts/sylius/shape-order";
import { toNumber } from "@/lib/contracts/sylius/to-domain";
import { getLinkByNumberOrThrow } from "@/lib/services/payments/get-link-by-number";

/** GET /api/v1/orders/{id}: the payment link numbered {id}, as the order of its payments. */
export const GET = route(getOrder, async ({ params, credential, baseUrl }) => {
  const link = await getLinkByNumberOrThrow({ merchantId: credential.merchantId }, toNumber(params.id, "payment_link"));
  return { body: shapeOrder(link, baseUrl) };
});
