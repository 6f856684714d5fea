import { getDb, type Prisma } from "@/lib/db/client";

/**
 * Revokes every access and refresh token of a credential that is not revoked yet (those keep
 * their first revocation time), returning how many. Takes the caller's transaction, so that
 * revoking a credential and its tokens is one change.
 */
export async function revokeAccessTokensOfCredential(
  credentialId: string,
  now: Date = new Date(),
  db: Prisma.TransactionClient = getDb(),
): Promise<number> {
  const { count } = await db.accessToken.updateMany({ where: { credentialId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
