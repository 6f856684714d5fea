import { withInstanvi } from "@/lib/contracts/instanvi/http";
import { updatePaymentLinkRequest } from "@/lib/contracts/instanvi/schemas";
import { shapePublicLink, shapeUpdatedLink } from "@/lib/contracts/instanvi/shape-payment-link";
import { toUpdateLinkInput } from "@/lib/contracts/instanvi/to-domain";
import { throwIfGone } from "@/lib/services/links/find-gone-reason";
import { getLinkBySlugOrThrow } from "@/lib/services/links/get-link";
import { updateLink } from "@/lib/services/links/update-link";

/** GET /payment-links/:slug (public): a link that can no longer be paid is a 410. */
export const GET = withInstanvi<{ key: string }, undefined, "public">({ auth: "public" }, async (_context, { key: slug }) => {
  const link = await getLinkBySlugOrThrow(slug);
  await throwIfGone(link);
  return { message: "Payment link found", data: shapePublicLink(link) };
});

/** PATCH /payment-links/:id */
export const PATCH = withInstanvi<{ key: string }, typeof updatePaymentLinkRequest>(
  { auth: "api-key", body: updatePaymentLinkRequest },
  async ({ body, credential }, { key: id }) => {
    const link = await updateLink({ merchantId: credential.merchantId, actor: credential.actor }, id, toUpdateLinkInput(body));
    return { message: "Payment link updated successfully", data: shapeUpdatedLink(link) };
  },
);
