import { cancelPaymentLink } from "@/lib/contracts/instanvi/operations";
import { shapeCancelledLink } from "@/lib/contracts/instanvi/shape-payment-link";
import { route } from "@/lib/contracts/kit/route";
import { cancelLink } from "@/lib/services/links/cancel-link";

/** POST /payment-links/:id/cancel */
export const POST = route(cancelPaymentLink, async ({ params, credential }) => {
  const link = await cancelLink({ merchantId: credential.merchantId, actor: credential.actor }, params.id);
  return { message: "Payment link cancelled successfully", data: shapeCancelledLink(link) };
});
