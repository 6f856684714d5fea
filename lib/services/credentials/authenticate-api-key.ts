import "server-only";
import { getDb } from "@/lib/db/client";
import { secretMatches } from "@/lib/crypto/api-keys";
import type { Mode } from "@/lib/domain/links/enums";
import { AppError, AppErrorCode } from "@/lib/errors";
import { assertKeyModeUsable } from "@/lib/services/payments/payment-modes";

export interface AuthenticatedCredential {
  id: string;
  keyId: string;
  merchantId: string;
  mode: Mode;
  scopes: string[];
  /** Actor string for the timeline. */
  actor: string;
}

/** Last-used time is written at most this often per key, to keep reads cheap. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Checks `<key id>` + `<secret>` against the stored hash in constant time. Unknown, revoked and
 * wrong secrets all fail the same way, so the answer says nothing about which part was wrong.
 */
export async function authenticateApiKey(keyId: string, secret: string, now: Date = new Date()): Promise<AuthenticatedCredential> {
  const db = getDb();
  const credential = await db.apiCredential.findUnique({ where: { keyId } });
  // Compare even when the key is unknown, so that timing does not reveal which key ids exist.
  const matches = secretMatches(secret, credential?.secretHash ?? "0".repeat(64));
  if (!credential || !matches || credential.revokedAt) {
    throw new AppError(AppErrorCode.UNAUTHENTICATED, "Invalid or inactive API key");
  }
  // SANDBOX never touches real money, LIVE never the mocks: a LIVE key is refused (FORBIDDEN)
  // while no live provider is configured.
  assertKeyModeUsable(credential.mode);
  await db.apiCredential.updateMany({
    where: {
      id: credential.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  return {
    id: credential.id,
    keyId: credential.keyId,
    merchantId: credential.merchantId,
    mode: credential.mode,
    scopes: credential.scopes,
    actor: `api:${credential.keyId}`,
  };
}
