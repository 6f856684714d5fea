import { randomUUID } from "node:crypto";
import { accountLimitConfig } from "@/lib/config/limits";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { signInSchema } from "@/lib/domain/accounts/schemas";
import type { AccountUser } from "@/lib/domain/accounts/types";
import { AppError, AppErrorCode } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

let decoyHash: { params: string; hash: Promise<string> } | undefined;

/**
 * A hash of a password nobody knows, made with the current parameters (again if they change), to
 * check unknown emails against. (The first unknown email of a process also pays for making it.)
 */
function decoy(): Promise<string> {
  const params = process.env.PASSWORD_SCRYPT_LOG2_N ?? "";
  if (decoyHash?.params !== params) decoyHash = { params, hash: hashPassword(randomUUID()) };
  return decoyHash.hash;
}

/**
 * - ok: the right password of a confirmed account;
 * - wrong: an unknown email or a wrong password (never told apart);
 * - unconfirmed: the right password of an account whose confirmation link was not opened yet
 *   (only its owner can be told so: they proved the password);
 * - locked: SIGNIN_ATTEMPTS_PER_ACCOUNT attempts on this email within the window, from anywhere.
 */
export type SignInCheck =
  | { kind: "ok"; user: AccountUser }
  | { kind: "wrong" }
  | { kind: "unconfirmed"; email: string }
  | { kind: "locked"; retryAfterSeconds: number };

/**
 * Checks an email and password. An unknown email and a wrong password get the same answer after
 * the same work (one password hash either way), so neither the answer nor its timing tells
 * whether an account exists; an unknown email is locked after as many attempts as a known one.
 * Every attempt counts against the email, across app instances, and once past the limit the
 * password is not even checked. A success records the time of the login, and stores a new
 * hash when the stored one was made with older parameters.
 */
export async function checkSignIn(email: string, password: string, now: Date = new Date()): Promise<SignInCheck> {
  const parsed = signInSchema.safeParse({ email, password });
  if (!parsed.success) return { kind: "wrong" };
  const limits = accountLimitConfig();
  const attempts = await consumeRateLimit(`signin-account:${parsed.data.email}`, limits.signInAttemptsPerAccount, limits.signInWindowSeconds, now);
  if (!attempts.allowed) return { kind: "locked", retryAfterSeconds: Math.max(1, attempts.reset - Math.floor(now.getTime() / 1000)) };

  const db = getDb();
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    include: { merchant: { select: { name: true } } },
  });
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await decoy()));
  if (!user || !matches) return { kind: "wrong" };
  if (!user.emailConfirmedAt) return { kind: "unconfirmed", email: user.email };

  // A hash made with older parameters is replaced, unless the password changed meanwhile.
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(parsed.data.password) : null;
  await db.user.updateMany({
    where: { id: user.id, ...(rehashed ? { passwordHash: user.passwordHash } : {}) },
    data: { lastLoginAt: now, ...(rehashed ? { passwordHash: rehashed } : {}) },
  });
  return { kind: "ok", user: { userId: user.id, merchantId: user.merchantId, email: user.email, name: user.name, merchantName: user.merchant.name } };
}

/**
 * The user behind an email and password, or null (checkSignIn's `wrong` and `unconfirmed`), for
 * the OAuth password grant. Past the per-account limit: RATE_LIMITED.
 */
export async function verifyCredentials(email: string, password: string, now: Date = new Date()): Promise<AccountUser | null> {
  const check = await checkSignIn(email, password, now);
  if (check.kind === "locked") {
    throw new AppError(AppErrorCode.RATE_LIMITED, `Too many sign-in attempts for this account: try again in ${Math.ceil(check.retryAfterSeconds / 60)} minutes`);
  }
  return check.kind === "ok" ? check.user : null;
}
