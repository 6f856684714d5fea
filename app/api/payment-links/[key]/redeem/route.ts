import { redeemPaymentLink } from "@/lib/contracts/instanvi/operations";
import { shapeRedemption } from "@/lib/contracts/instanvi/shape-payment-link";
import { route } from "@/lib/contracts/kit/route";
import { startPayment } from "@/lib/services/payments/start-payment";

/** POST /payment-links/:slug/redeem (public): reserve a use and ask the provider to collect. */
export const POST = route(redeemPaymentLink, async ({ params, body, baseUrl }) => {
  const redemption = await startPayment({ slug: params.slug, provider: body.provider, phoneNumber: body.phone_number, baseUrl });
  return { message: "Payment link redeemed successfully", data: shapeRedemption(redemption) };
});
