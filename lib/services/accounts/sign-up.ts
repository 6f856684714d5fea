import { getDb, isUniqueViolation } from "@/lib/db/client";
import { hashPassword } from "@/lib/crypto/password";
import { signUpSchema, type SignUpInput } from "@/lib/domain/accounts/schemas";
import type { AccountUser } from "@/lib/domain/accounts/types";
import { newWebhookSecret } from "@/lib/domain/merchants/webhook-secret";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Opens a confirmed account at once: the merchant (with its own webhook secret) and its first
 * user, in one transaction, so that a refused email leaves no merchant behind. For seeds, tests
 * and tools; people sign up through requestSignUp, which confirms the address first and never
 * says whether it was taken.
 */
export async function signUp(input: SignUpInput): Promise<AccountUser> {
  const data = parseOrThrow(signUpSchema, input);
  // Hash before the transaction: the slow part holds no connection or lock.
  const passwordHash = await hashPassword(data.password);
  try {
    return await getDb().$transaction((tx) => createAccountInTx(tx, { businessName: data.businessName, email: data.email, passwordHash }));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(AppErrorCode.CONFLICT, "An account with this email already exists", { field: "email" });
    }
    throw error;
  }
}

export interface NewAccount {
  businessName: string;
  /** Already normalised (accountEmailSchema). */
  email: string;
  passwordHash: string;
  /** A sign-up waiting for its confirmation link: the user cannot sign in until then. */
  unconfirmed?: { tokenHash: string; expiresAt: Date };
}

/** Writes the merchant and its first user in the caller's transaction (a taken email is a unique violation). */
export async function createAccountInTx(tx: Prisma.TransactionClient, account: NewAccount): Promise<AccountUser> {
  const merchant = await tx.merchant.create({ data: { name: account.businessName, webhookSecret: newWebhookSecret() } });
  const user = await tx.user.create({
    data: {
      merchantId: merchant.id,
      email: account.email,
      passwordHash: account.passwordHash,
      ...(account.unconfirmed
        ? { emailConfirmedAt: null, confirmTokenHash: account.unconfirmed.tokenHash, confirmTokenExpiresAt: account.unconfirmed.expiresAt }
        : {}),
    },
  });
  return { userId: user.id, merchantId: merchant.id, email: user.email, name: user.name, merchantName: merchant.name };
}
