import { getPaymentLink as get, updatePaymentLink as update } from "@/lib/contracts/cm/handlers";
import { getPaymentLinkV10, updatePaymentLinkV10 } from "@/lib/contracts/cm/operations";
import { route } from "@/lib/contracts/kit/route";

/** GET /paymentlink/v1.0/<reference>: the same as /paymentlink/v1/<reference> */
export const GET = route(getPaymentLinkV10, get);

/** PATCH /paymentlink/v1.0/<reference>: the same as /paymentlink/v1/<reference> */
export const PATCH = route(updatePaymentLinkV10, update);
