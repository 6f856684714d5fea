import { createPaymentLink as create } from "@/lib/contracts/cm/handlers";
import { createPaymentLinkV1 } from "@/lib/contracts/cm/operations";
import { route } from "@/lib/contracts/kit/route";

/** POST /paymentlink/v1: the create call at the path some clients use (the same as /paymentlink/v1.0) */
export const POST = route(createPaymentLinkV1, create);
