import { hashSecret } from "@/lib/crypto/api-keys";
import { getDb } from "@/lib/db/client";
import type { AccountUser } from "@/lib/domain/accounts/types";

/** Tokens are 32 random bytes in base64url (43 characters); anything else is not worth a query. */
function plausible(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Whether a confirmation link still works (the page offers its button, or says to sign up again). */
export async function isConfirmTokenValid(token: unknown, now: Date = new Date()): Promise<boolean> {
  if (!plausible(token)) return false;
  const user = await getDb().user.findUnique({ where: { confirmTokenHash: hashSecret(token) }, select: { confirmTokenExpiresAt: true } });
  return !!user?.confirmTokenExpiresAt && user.confirmTokenExpiresAt > now;
}

/**
 * Opens the account of a confirmation link: the address is confirmed, the link stops working, and
 * the user is returned to be signed in. Null for an unknown, used or expired link. Of two
 * concurrent uses of one link, one wins.
 */
export async function confirmSignUp(token: unknown, now: Date = new Date()): Promise<AccountUser | null> {
  if (!plausible(token)) return null;
  const tokenHash = hashSecret(token);
  const db = getDb();
  const user = await db.user.findUnique({ where: { confirmTokenHash: tokenHash }, include: { merchant: { select: { name: true } } } });
  if (!user?.confirmTokenExpiresAt || user.confirmTokenExpiresAt <= now) return null;
  const claimed = await db.user.updateMany({
    where: { id: user.id, confirmTokenHash: tokenHash },
    data: { confirmTokenHash: null, confirmTokenExpiresAt: null, emailConfirmedAt: user.emailConfirmedAt ?? now, lastLoginAt: now },
  });
  if (claimed.count === 0) return null;
  return { userId: user.id, merchantId: user.merchantId, email: user.email, name: user.name, merchantName: user.merchant.name };
}
