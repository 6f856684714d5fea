import "server-only";
import { AppError, AppErrorCode } from "@/lib/errors";
import { isTestNumber } from "@/lib/providers/test-numbers";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

type Environment = Readonly<Record<string, string | undefined>>;

export interface RedeemLimits {
  /** Payment attempts per link and window (REDEEM_RATE_LIMIT_PER_LINK, 60). */
  perLink: number;
  /** Payment attempts per payer number and window, over all links (REDEEM_RATE_LIMIT_PER_PHONE, 10). */
  perPhone: number;
  /** REDEEM_RATE_LIMIT_WINDOW_SECONDS, 600 (10 minutes). */
  windowSeconds: number;
}

function positiveInt(env: Environment, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/** The redeem limits from the environment, read on every use (so that tests and operators can set them). */
export function redeemLimits(env: Environment = process.env): RedeemLimits {
  return {
    perLink: positiveInt(env, "REDEEM_RATE_LIMIT_PER_LINK", 60),
    perPhone: positiveInt(env, "REDEEM_RATE_LIMIT_PER_PHONE", 10),
    windowSeconds: positiveInt(env, "REDEEM_RATE_LIMIT_WINDOW_SECONDS", 600),
  };
}

/**
 * Counts one payment attempt on a link from a payer number, and refuses it (RATE_LIMITED) past
 * either limit, so that nobody can keep a link busy with a stream of attempts, or hold many links
 * with one number. Counted in PostgreSQL (shared by every instance). The documented sandbox test
 * numbers are shared by every integrator, so they count per link only.
 */
export async function throttleRedeem(slug: string, payerPhone: string, now: Date = new Date()): Promise<void> {
  const limits = redeemLimits();
  const perLink = await consumeRateLimit(`redeem:link:${slug}`, limits.perLink, limits.windowSeconds, now);
  if (!perLink.allowed) throw tooMany("this payment link", perLink.reset, now);
  if (isTestNumber(payerPhone)) return;
  const perPhone = await consumeRateLimit(`redeem:phone:${payerPhone}`, limits.perPhone, limits.windowSeconds, now);
  if (!perPhone.allowed) throw tooMany("this phone number", perPhone.reset, now);
}

function tooMany(what: string, resetUnixSeconds: number, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil(resetUnixSeconds - now.getTime() / 1000));
  return new AppError(AppErrorCode.RATE_LIMITED, `Too many payment attempts for ${what}: try again in ${seconds} seconds`);
}
