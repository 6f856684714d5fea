import { getPaymentLink as get, updatePaymentLink as update } from "@/lib/contracts/cm/handlers";
import { getPaymentLink, updatePaymentLink } from "@/lib/contracts/cm/operations";
import { route } from "@/lib/contracts/kit/route";

/** GET /paymentlink/v1/<reference> */
export const GET = route(getPaymentLink, get);

/** PATCH /paymentlink/v1/<reference> */
export const PATCH = route(updatePaymentLink, update);
