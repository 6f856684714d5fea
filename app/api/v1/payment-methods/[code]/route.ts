import { route } from "@/lib/contracts/kit/route";
import { getPaymentMethod } from "@/lib/contracts/sylius/operations";
import { shapePaymentMethod } from "@/lib/contracts/sylius/shape-payment";
import { toPaymentMethod } from "@/lib/contracts/sylius/to-domain";

/** GET /api/v1/payment-methods/{code}: one of our providers (mtn_momo, orange_money). */
export const GET = route(getPaymentMethod, async ({ params, baseUrl }) => ({ body: shapePaymentMethod(toPaymentMethod(params.code), baseUrl) }));
