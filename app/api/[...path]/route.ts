import { answerUnserved } from "@/lib/contracts/kit/fallback";
import { CONTRACTS } from "@/lib/contracts/registry";

/**
 * Any /api path that no route serves: a 404 (or 405) in the envelope of the contract that owns
 * the path (CM's under /api/cm, Zeamster's under /api/zeamster, ...), never the HTML page.
 */
async function unserved(request: Request): Promise<Response> {
  return answerUnserved(CONTRACTS, request, { unknownPath: true })!;
}

export { unserved as GET, unserved as POST, unserved as PUT, unserved as PATCH, unserved as DELETE };
