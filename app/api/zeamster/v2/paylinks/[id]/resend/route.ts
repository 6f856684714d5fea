import { route } from "@/lib/contracts/kit/route";
import { handleResend } from "@/lib/contracts/zeamster/handlers";
import { resendPaylink } from "@/lib/contracts/zeamster/operations";

/** POST /v2/paylinks/{id}/resend -> 204, no body: the email and/or SMS again */
export const POST = route(resendPaylink, handleResend);
