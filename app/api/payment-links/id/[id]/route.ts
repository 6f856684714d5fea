import { withInstanvi } from "@/lib/contracts/instanvi/http";
import { shapeLinkDetail } from "@/lib/contracts/instanvi/shape-payment-link";
import { getLinkOrThrow } from "@/lib/services/links/get-link";

/** GET /payment-links/id/:id */
export const GET = withInstanvi<{ id: string }>({ auth: "api-key" }, async ({ credential }, { id }) => {
  const link = await getLinkOrThrow({ merchantId: credential.merchantId }, id);
  return { message: "Payment link retrieved", data: shapeLinkDetail(link) };
});
