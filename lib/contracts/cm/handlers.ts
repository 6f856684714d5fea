/**
 * The CM.com handlers, shared by the route files of both path spellings (v1 and v1.0): parse,
 * call the domain, shape. Nothing here decides a business rule.
 */
import type { z } from "zod";
import type { JsonReply } from "@/lib/contracts/kit/types";
import type { MerchantScope } from "@/lib/domain/links/types";
import { issueAccessToken } from "@/lib/services/access-tokens/issue-access-token";
import type { AuthenticatedCredential } from "@/lib/services/credentials/authenticate-api-key";
import { createLink } from "@/lib/services/links/create-link";
import { getLinkOrThrow } from "@/lib/services/links/get-link";
import { listLinkPayments } from "@/lib/services/links/list-link-payments";
import { updateLink } from "@/lib/services/links/update-link";
import type { CmCreateRequest, CmUpdateRequest, tokenRequest } from "./schemas";
import { cmStatus, shapePaymentLink, shapeStatus } from "./shape-payment-link";
import { toCreateLinkInput, toIssueTokenInput, toLinkId, toUpdateLinkInput } from "./to-domain";

interface Authenticated {
  credential: AuthenticatedCredential;
  baseUrl: string;
}

const scopeOf = (credential: AuthenticatedCredential): MerchantScope => ({ merchantId: credential.merchantId, actor: credential.actor });

export async function issueToken({ body }: { body: z.output<typeof tokenRequest> }): Promise<JsonReply> {
  const issued = await issueAccessToken(toIssueTokenInput(body));
  return { body: { access_token: issued.accessToken, token_type: "bearer", expires_in: issued.expiresIn } };
}

export async function createPaymentLink({ body, credential, baseUrl }: Authenticated & { body: CmCreateRequest }): Promise<JsonReply> {
  const link = await createLink(scopeOf(credential), toCreateLinkInput(body, credential.mode));
  return { status: 201, body: shapePaymentLink(link, "open", baseUrl) };
}

export async function getPaymentLink({ params, credential, baseUrl }: Authenticated & { params: { ref: string } }): Promise<JsonReply> {
  const scope = scopeOf(credential);
  const link = await getLinkOrThrow(scope, toLinkId(params.ref));
  return { body: shapePaymentLink(link, cmStatus(link, await listLinkPayments(scope, link.id)), baseUrl) };
}

export async function updatePaymentLink({ params, body, credential, baseUrl }: Authenticated & { params: { ref: string }; body: CmUpdateRequest }): Promise<JsonReply> {
  const scope = scopeOf(credential);
  const current = await getLinkOrThrow(scope, toLinkId(params.ref));
  const link = await updateLink(scope, current.id, toUpdateLinkInput(body, current));
  return { body: shapePaymentLink(link, cmStatus(link, await listLinkPayments(scope, link.id)), baseUrl) };
}

export async function getPaymentLinkStatus({ params, credential }: Authenticated & { params: { ref: string } }): Promise<JsonReply> {
  const scope = scopeOf(credential);
  const link = await getLinkOrThrow(scope, toLinkId(params.ref));
  return { body: shapeStatus(cmStatus(link, await listLinkPayments(scope, link.id))) };
}
