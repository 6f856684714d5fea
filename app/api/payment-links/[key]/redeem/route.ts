import { withInstanvi } from "@/lib/contracts/instanvi/http";
import { redeemPaymentLinkRequest } from "@/lib/contracts/instanvi/schemas";
import { shapeRedemption } from "@/lib/contracts/instanvi/shape-payment-link";
import { startPayment } from "@/lib/services/payments/start-payment";

/** POST /payment-links/:slug/redeem (public): reserve a use and ask the provider to collect. */
export const POST = withInstanvi<{ key: string }, typeof redeemPaymentLinkRequest, "public">(
  { auth: "public", body: redeemPaymentLinkRequest, idempotent: true },
  async ({ body, baseUrl }, { key: slug }) => {
    const redemption = await startPayment({ slug, provider: body.provider, phoneNumber: body.phone_number, baseUrl });
    return { message: "Payment link redeemed successfully", data: shapeRedemption(redemption) };
  },
);
