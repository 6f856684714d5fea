import { getDb, isUuid } from "@/lib/db/client";
import type { ApiCredentialView } from "@/lib/domain/credentials/types";
import type { MerchantScope } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";
import { revokeAccessTokensOfCredential } from "@/lib/services/access-tokens/revoke-access-tokens";
import { CREDENTIAL_VIEW_SELECT, toCredentialView } from "./to-credential-view";

/**
 * Revokes one of the merchant's API keys: from now on it authenticates nothing, and the OAuth
 * tokens issued to it are revoked in the same transaction. Revoking again changes nothing (the
 * first revocation time stays); another merchant's id is NOT_FOUND.
 */
export async function revokeCredential(
  scope: Pick<MerchantScope, "merchantId">,
  id: string,
  now: Date = new Date(),
): Promise<ApiCredentialView> {
  if (!isUuid(id)) throw notFound("credential");
  const db = getDb();
  await db.$transaction(async (tx) => {
    const revoked = await tx.apiCredential.updateMany({ where: { id, merchantId: scope.merchantId, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count > 0) await revokeAccessTokensOfCredential(id, now, tx);
  });
  const row = await db.apiCredential.findFirst({ where: { id, merchantId: scope.merchantId }, select: CREDENTIAL_VIEW_SELECT });
  if (!row) throw notFound("credential");
  return toCredentialView(row);
}
