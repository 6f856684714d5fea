import { issueToken } from "@/lib/contracts/cm/handlers";
import { requestToken } from "@/lib/contracts/cm/operations";
import { route } from "@/lib/contracts/kit/route";

/** POST /auth/v1/token (form or JSON body): client credentials -> bearer token */
export const POST = route(requestToken, issueToken);
