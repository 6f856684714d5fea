import { withInstanvi } from "@/lib/contracts/instanvi/http";
import { createPaymentLinkRequest } from "@/lib/contracts/instanvi/schemas";
import { shapeCreatedLink } from "@/lib/contracts/instanvi/shape-payment-link";
import { toCreateLinkInput } from "@/lib/contracts/instanvi/to-domain";
import { createLink } from "@/lib/services/links/create-link";

export const POST = withInstanvi(
  { auth: "api-key", body: createPaymentLinkRequest, idempotent: true },
  async ({ body, credential, baseUrl }) => {
    const link = await createLink(
      { merchantId: credential.merchantId, actor: credential.actor },
      toCreateLinkInput(body, credential.mode),
    );
    return { message: "Payment link created successfully", data: shapeCreatedLink(link, baseUrl) };
  },
);
