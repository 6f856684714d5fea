import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { signInSchema } from "@/lib/domain/accounts/schemas";
import type { AccountUser } from "@/lib/domain/accounts/types";

let decoyHash: Promise<string> | undefined;

/**
 * A hash of a password nobody knows, made once per process with the current parameters, to
 * check unknown emails against. (The first unknown email of a process also pays for making it.)
 */
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(randomUUID());
  return decoyHash;
}

/**
 * The user behind an email and password, or null. An unknown email and a wrong password get the
 * same answer after the same work (one password hash either way), so neither the answer nor its
 * timing tells whether an account exists. A success records the time of the login.
 */
export async function verifyCredentials(email: string, password: string, now: Date = new Date()): Promise<AccountUser | null> {
  const parsed = signInSchema.safeParse({ email, password });
  if (!parsed.success) return null;
  const db = getDb();
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    include: { merchant: { select: { name: true } } },
  });
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await decoy()));
  if (!user || !matches) return null;
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { userId: user.id, merchantId: user.merchantId, email: user.email, name: user.name, merchantName: user.merchant.name };
}
