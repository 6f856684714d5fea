import { listLinkPayments } from "@/lib/contracts/instanvi/operations";
import { shapeLinkPayments } from "@/lib/contracts/instanvi/shape-payment-link";
import { route } from "@/lib/contracts/kit/route";
import { getLinkOrThrow } from "@/lib/services/links/get-link";
import { listLinkPayments as readLinkPayments } from "@/lib/services/links/list-link-payments";

/** GET /payment-links/id/:id/payments (an addition to the Instanvi document) */
export const GET = route(listLinkPayments, async ({ params, credential }) => {
  const scope = { merchantId: credential.merchantId };
  const link = await getLinkOrThrow(scope, params.id);
  return { message: "Payments retrieved", data: shapeLinkPayments(link, await readLinkPayments(scope, link.id)) };
});
