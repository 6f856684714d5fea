import { randomBytes } from "node:crypto";
import { accountLimitConfig } from "@/lib/config/limits";
import { hashSecret } from "@/lib/crypto/api-keys";
import { hashPassword } from "@/lib/crypto/password";
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { signUpSchema, type SignUpInput } from "@/lib/domain/accounts/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMessage } from "@/lib/services/outbox/enqueue-message";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";
import { ACCOUNT_EMAIL_KINDS, confirmationUrl, renderAlreadyExistsEmail, renderConfirmEmail, type AccountEmail } from "./account-emails";
import { createAccountInTx } from "./sign-up";

/** How long a confirmation link works. */
export const CONFIRM_LINK_HOURS = 24;

/**
 * What happened, for tests and logs only: the person who signed up is told the same thing in
 * every case ("we sent a link to <email>"), after the same work (a password hash and one
 * transaction), so the answer never says whether the address has an account.
 * - "confirmation_sent": a new account waits for its confirmation link (emailed);
 * - "confirmation_resent": the address had an unconfirmed sign-up: it now has this business
 *   name and password, and a new link (the older one stops working);
 * - "existing_account_notified": the address has an account: its owner is emailed "you
 *   already have an account", nothing else changes;
 * - "suppressed": this address got SIGNUP_EMAILS_PER_ADDRESS emails within the window: nothing
 *   is written or sent (nobody can flood an inbox through the form).
 */
export type SignUpOutcome = "confirmation_sent" | "confirmation_resent" | "existing_account_notified" | "suppressed";

export interface SignUpRequest {
  /** The normalised address the link was (or would have been) sent to. */
  email: string;
  outcome: SignUpOutcome;
}

/**
 * Someone filled in the sign-up form. Refused (RATE_LIMITED) past SIGNUPS_PER_IP sign-ups of one
 * client address in the window; bad input is a VALIDATION error naming the field.
 */
export async function requestSignUp(input: SignUpInput, options: { clientIp: string; now?: Date }): Promise<SignUpRequest> {
  const now = options.now ?? new Date();
  const limits = accountLimitConfig();
  const perIp = await consumeRateLimit(`signup-ip:${options.clientIp}`, limits.signUpsPerIp, limits.signUpWindowSeconds, now);
  if (!perIp.allowed) {
    throw new AppError(AppErrorCode.RATE_LIMITED, "Too many sign-ups from your network: try again in an hour.");
  }
  const data = parseOrThrow(signUpSchema, input);
  // Hashed in every case, before the transaction: the same work whether or not the address is taken.
  const passwordHash = await hashPassword(data.password);
  const perAddress = await consumeRateLimit(`signup-email:${data.email}`, limits.signUpEmailsPerAddress, limits.signUpWindowSeconds, now);
  if (!perAddress.allowed) return { email: data.email, outcome: "suppressed" };

  const token = randomBytes(32).toString("base64url");
  const pending = { tokenHash: hashSecret(token), expiresAt: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000) };
  const write = () =>
    getDb().$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true, merchantId: true, emailConfirmedAt: true } });
      if (existing?.emailConfirmedAt) {
        await enqueueAccountEmail(tx, existing.merchantId, ACCOUNT_EMAIL_KINDS.exists, renderAlreadyExistsEmail({ to: data.email }));
        return "existing_account_notified" as const;
      }
      const confirm = renderConfirmEmail({ to: data.email, businessName: data.businessName, url: confirmationUrl(token), validHours: CONFIRM_LINK_HOURS });
      if (existing) {
        // Whoever confirms the address owns the account: an unconfirmed sign-up (perhaps by
        // someone else) is simply replaced, and its older link stops working.
        await tx.user.update({
          where: { id: existing.id },
          data: { passwordHash, confirmTokenHash: pending.tokenHash, confirmTokenExpiresAt: pending.expiresAt },
        });
        await tx.merchant.update({ where: { id: existing.merchantId }, data: { name: data.businessName } });
        await enqueueAccountEmail(tx, existing.merchantId, ACCOUNT_EMAIL_KINDS.confirm, confirm);
        return "confirmation_resent" as const;
      }
      const account = await createAccountInTx(tx, { businessName: data.businessName, email: data.email, passwordHash, unconfirmed: pending });
      await enqueueAccountEmail(tx, account.merchantId, ACCOUNT_EMAIL_KINDS.confirm, confirm);
      return "confirmation_sent" as const;
    });
  let outcome: SignUpOutcome;
  try {
    outcome = await write();
  } catch (error) {
    // Two sign-ups of one new address at once: the second finds the first's account on a retry.
    if (!isUniqueViolation(error)) throw error;
    outcome = await write();
  }
  if (outcome !== "existing_account_notified" && !process.env.SMTP_URL && process.env.NODE_ENV !== "test") {
    // Without an email server the link reaches nobody: the operator's log is where to find it.
    console.info(`Sign-up of ${data.email}: no SMTP_URL is set, so the email is kept, not sent. Confirmation link: ${confirmationUrl(token)}`);
  }
  return { email: data.email, outcome };
}

function enqueueAccountEmail(tx: Prisma.TransactionClient, merchantId: string, kind: string, email: AccountEmail): Promise<void> {
  return enqueueMessage(tx, { merchantId, channel: "EMAIL", destination: email.to, kind, payload: { ...email } });
}
