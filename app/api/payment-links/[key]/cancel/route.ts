import { withInstanvi } from "@/lib/contracts/instanvi/http";
import { shapeCancelledLink } from "@/lib/contracts/instanvi/shape-payment-link";
import { cancelLink } from "@/lib/services/links/cancel-link";

/** POST /payment-links/:id/cancel */
export const POST = withInstanvi<{ key: string }>({ auth: "api-key" }, async ({ credential }, { key: id }) => {
  const link = await cancelLink({ merchantId: credential.merchantId, actor: credential.actor }, id);
  return { message: "Payment link cancelled successfully", data: shapeCancelledLink(link) };
});
