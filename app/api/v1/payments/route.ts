import { route } from "@/lib/contracts/kit/route";
import { listPayments } from "@/lib/contracts/sylius/operations";
import { shapePaymentCollection } from "@/lib/contracts/sylius/shape-payment";
import { toListPaymentsInput } from "@/lib/contracts/sylius/to-domain";
import { listNumberedPayments } from "@/lib/services/payments/numbered-payments";

/** GET /api/v1/payments/ (and /api/v1/payments): ?page=&limit=&sorting[amount|createdAt|updatedAt]=ASC|DESC */
export const GET = route(listPayments, async ({ query, request, credential }) => {
  const input = toListPaymentsInput(query, new URL(request.url));
  const page = await listNumberedPayments({ merchantId: credential.merchantId }, input);
  return { body: shapePaymentCollection(page, input.sort) };
});
