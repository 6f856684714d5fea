import { getPaymentLinkById } from "@/lib/contracts/instanvi/operations";
import { shapeLinkDetail } from "@/lib/contracts/instanvi/shape-payment-link";
import { route } from "@/lib/contracts/kit/route";
import { getLinkOrThrow } from "@/lib/services/links/get-link";

/** GET /payment-links/id/:id */
export const GET = route(getPaymentLinkById, async ({ params, credential }) => {
  const link = await getLinkOrThrow({ merchantId: credential.merchantId }, params.id);
  return { message: "Payment link retrieved", data: shapeLinkDetail(link) };
});
