import { createPaymentLink } from "@/lib/contracts/instanvi/operations";
import { shapeCreatedLink } from "@/lib/contracts/instanvi/shape-payment-link";
import { toCreateLinkInput } from "@/lib/contracts/instanvi/to-domain";
import { route } from "@/lib/contracts/kit/route";
import { createLink } from "@/lib/services/links/create-link";

/** POST /payment-links/create */
export const POST = route(createPaymentLink, async ({ body, credential, baseUrl }) => {
  const link = await createLink({ merchantId: credential.merchantId, actor: credential.actor }, toCreateLinkInput(body, credential.mode));
  return { message: "Payment link created successfully", data: shapeCreatedLink(link, baseUrl) };
});
