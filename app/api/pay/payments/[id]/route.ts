import { getPayPagePaymentStatus } from "@/lib/contracts/pay/operations";
import { route } from "@/lib/contracts/kit/route";
import { notFound } from "@/lib/errors";
import { getPaymentStatus } from "@/lib/services/pay-page/get-payment-status";

/** GET /api/pay/payments/:id: what the pay page polls while the customer approves. */
export const GET = route(getPayPagePaymentStatus, async ({ params }) => {
  const status = await getPaymentStatus(params.id);
  if (!status) throw notFound("payment");
  return { body: status };
});
