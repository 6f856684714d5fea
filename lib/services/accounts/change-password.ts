import { accountLimitConfig } from "@/lib/config/limits";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { getDb, isUuid } from "@/lib/db/client";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/domain/accounts/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode, validationError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

/**
 * Settings, "Change password". The current password must be right (its checks count against the
 * account like sign-ins, so a borrowed session cannot guess it quickly). The new hash is stored,
 * and everything issued with the old password ends in the same transaction: every other
 * dashboard session of the user (the one that asked stays, `keepSessionId`) and the OAuth access
 * and refresh tokens of the password grant. Returns how many sessions ended.
 */
export async function changePassword(
  userId: string,
  input: ChangePasswordInput,
  options: { keepSessionId?: string; now?: Date } = {},
): Promise<{ endedSessions: number }> {
  const now = options.now ?? new Date();
  const data = parseOrThrow(changePasswordSchema, input);
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Sign in again to change your password");
  const limits = accountLimitConfig();
  const attempts = await consumeRateLimit(`signin-account:${user.email}`, limits.signInAttemptsPerAccount, limits.signInWindowSeconds, now);
  if (!attempts.allowed) throw new AppError(AppErrorCode.RATE_LIMITED, "Too many password attempts: try again later");
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw validationError("current_password", "Current password is incorrect");
  }
  if (data.newPassword === data.currentPassword) throw validationError("new_password", "New password must differ from the current one");
  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    // Only over the hash that was checked: of two changes at once, the second finds it gone.
    const updated = await tx.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (updated.count === 0) throw validationError("current_password", "Current password is incorrect");
    const keep = options.keepSessionId && isUuid(options.keepSessionId) ? options.keepSessionId : undefined;
    const { count } = await tx.userSession.updateMany({
      where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
      data: { revokedAt: now },
    });
    await tx.accessToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    return { endedSessions: count };
  });
}
