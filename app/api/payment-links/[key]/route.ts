import { getPaymentLinkBySlug, updatePaymentLink } from "@/lib/contracts/instanvi/operations";
import { shapePublicLink, shapeUpdatedLink } from "@/lib/contracts/instanvi/shape-payment-link";
import { toUpdateLinkInput } from "@/lib/contracts/instanvi/to-domain";
import { route } from "@/lib/contracts/kit/route";
import { throwIfGone } from "@/lib/services/links/find-gone-reason";
import { getLinkBySlugOrThrow } from "@/lib/services/links/get-link";
import { updateLink } from "@/lib/services/links/update-link";

/** GET /payment-links/:slug (public): a link that can no longer be paid is a 410. */
export const GET = route(getPaymentLinkBySlug, async ({ params }) => {
  const link = await getLinkBySlugOrThrow(params.slug);
  await throwIfGone(link);
  return { message: "Payment link found", data: shapePublicLink(link) };
});

/** PATCH /payment-links/:id */
export const PATCH = route(updatePaymentLink, async ({ params, body, credential }) => {
  const link = await updateLink({ merchantId: credential.merchantId, actor: credential.actor }, params.id, toUpdateLinkInput(body));
  return { message: "Payment link updated successfully", data: shapeUpdatedLink(link) };
});
