import { createPaymentLink as create } from "@/lib/contracts/cm/handlers";
import { createPaymentLink } from "@/lib/contracts/cm/operations";
import { route } from "@/lib/contracts/kit/route";

/** POST /paymentlink/v1.0 (201) */
export const POST = route(createPaymentLink, create);
