import { getDb, isUniqueViolation } from "@/lib/db/client";
import { hashPassword } from "@/lib/crypto/password";
import { signUpSchema, type SignUpInput } from "@/lib/domain/accounts/schemas";
import type { AccountUser } from "@/lib/domain/accounts/types";
import { newWebhookSecret } from "@/lib/domain/merchants/webhook-secret";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode } from "@/lib/errors";

/**
 * Opens an account: the merchant (with its own webhook secret) and its first user, in one
 * transaction, so that a refused email leaves no merchant behind.
 */
export async function signUp(input: SignUpInput): Promise<AccountUser> {
  const data = parseOrThrow(signUpSchema, input);
  // Hash before the transaction: the slow part holds no connection or lock.
  const passwordHash = await hashPassword(data.password);
  try {
    return await getDb().$transaction(async (tx) => {
      const merchant = await tx.merchant.create({ data: { name: data.businessName, webhookSecret: newWebhookSecret() } });
      const user = await tx.user.create({ data: { merchantId: merchant.id, email: data.email, passwordHash } });
      return { userId: user.id, merchantId: merchant.id, email: user.email, name: user.name, merchantName: merchant.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(AppErrorCode.CONFLICT, "An account with this email already exists", { field: "email" });
    }
    throw error;
  }
}
