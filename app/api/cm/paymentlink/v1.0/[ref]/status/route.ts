import { getPaymentLinkStatus as status } from "@/lib/contracts/cm/handlers";
import { getPaymentLinkStatusV10 } from "@/lib/contracts/cm/operations";
import { route } from "@/lib/contracts/kit/route";

/** GET /paymentlink/v1.0/<reference>/status: the same as /paymentlink/v1/<reference>/status */
export const GET = route(getPaymentLinkStatusV10, status);
