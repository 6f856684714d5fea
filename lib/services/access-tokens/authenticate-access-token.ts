import "server-only";
import { hashSecret } from "@/lib/crypto/api-keys";
import { getDb } from "@/lib/db/client";
import type { Mode } from "@/lib/domain/links/enums";
import { AppError, AppErrorCode } from "@/lib/errors";
import type { AuthenticatedCredential } from "@/lib/services/credentials/authenticate-api-key";
import { assertKeyModeUsable } from "@/lib/services/payments/payment-modes";

interface Row {
  credential_id: string;
  user_id: string | null;
  scopes: string[];
  key_id: string;
  merchant_id: string;
  mode: Mode;
}

/**
 * The credential behind `Authorization: Bearer <access token>`: the token must be an unexpired,
 * unrevoked access token (not a refresh token) of a credential that is not revoked. The scopes
 * are the token's; the actor is `user:<id>` for a password-grant token, else `api:<key id>`.
 * One statement with a join, as this runs on every bearer request (Prisma's include would be two).
 * Tokens are random, so looking one up by its hash reveals nothing through timing.
 */
export async function authenticateAccessToken(token: string, now: Date = new Date()): Promise<AuthenticatedCredential> {
  const [row] = await getDb().$queryRaw<Row[]>`
    SELECT t.credential_id, t.user_id, t.scopes, c.key_id, c.merchant_id, c.mode::text AS mode
      FROM access_tokens t
      JOIN api_credentials c ON c.id = t.credential_id
     WHERE t.token_hash = ${hashSecret(token)}
       AND t.kind = 'ACCESS'
       AND t.revoked_at IS NULL
       AND t.expires_at > ${now.toISOString()}::timestamptz
       AND c.revoked_at IS NULL`;
  if (!row) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Invalid or expired access token");
  // A LIVE key's token is refused while live payments are not configured (FORBIDDEN).
  assertKeyModeUsable(row.mode);
  return {
    id: row.credential_id,
    keyId: row.key_id,
    merchantId: row.merchant_id,
    mode: row.mode,
    scopes: row.scopes,
    actor: row.user_id ? `user:${row.user_id}` : `api:${row.key_id}`,
  };
}
