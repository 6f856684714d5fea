import { route } from "@/lib/contracts/kit/route";
import { requestToken, requestTokenByQuery } from "@/lib/contracts/sylius/operations";
import { shapeToken } from "@/lib/contracts/sylius/shape-token";
import { toIssueTokenInput } from "@/lib/contracts/sylius/to-domain";
import { issueAccessToken } from "@/lib/services/access-tokens/issue-access-token";

/** POST /api/oauth/v2/token (form or JSON body) */
export const POST = route(requestToken, async ({ body, request }) => ({
  body: shapeToken(await issueAccessToken(toIssueTokenInput(body, request))),
}));

/** GET /api/oauth/v2/token?grant_type=...&client_id=... */
export const GET = route(requestTokenByQuery, async ({ query, request }) => ({
  body: shapeToken(await issueAccessToken(toIssueTokenInput(query, request))),
}));
