import { getPaymentLinkStatus as status } from "@/lib/contracts/cm/handlers";
import { getPaymentLinkStatus } from "@/lib/contracts/cm/operations";
import { route } from "@/lib/contracts/kit/route";

/** GET /paymentlink/v1/<reference>/status */
export const GET = route(getPaymentLinkStatus, status);
