import { route } from "@/lib/contracts/kit/route";
import { getPayment } from "@/lib/contracts/sylius/operations";
import { shapePayment } from "@/lib/contracts/sylius/shape-payment";
import { toNumber } from "@/lib/contracts/sylius/to-domain";
import { getPaymentByNumberOrThrow } from "@/lib/services/payments/numbered-payments";

/** GET /api/v1/payments/{id} */
export const GET = route(getPayment, async ({ params, credential, baseUrl }) => {
  const payment = await getPaymentByNumberOrThrow({ merchantId: credential.merchantId }, toNumber(params.id, "payment"));
  return { body: shapePayment(payment, baseUrl) };
});
