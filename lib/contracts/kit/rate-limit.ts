import { rateLimitConfig } from "@/lib/config/limits";
import { AppError, AppErrorCode } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";
import type { RateLimitOutcome, RateLimitPolicy } from "./types";

/** Counts one request against each policy (in order) for one subject: `key:<credential id>` or `ip:<address>`. */
export async function countRequest(contractName: string, policies: RateLimitPolicy[], subject: string): Promise<RateLimitOutcome[]> {
  return Promise.all(
    policies.map(async (policy) => ({
      policy,
      state: await consumeRateLimit(`${contractName}:${policy.name}:${subject}`, policy.limit(), policy.windowSeconds()),
    })),
  );
}

/** A 429 naming the first exceeded policy, or nothing. */
export function throwIfExceeded(outcomes: RateLimitOutcome[]): void {
  const exceeded = outcomes.find((outcome) => !outcome.state.allowed);
  if (exceeded) {
    const { policy, state } = exceeded;
    throw new AppError(AppErrorCode.RATE_LIMITED, `Rate limit exceeded: ${state.limit} requests per ${policy.windowSeconds()} seconds`);
  }
}

/** Seconds until the latest exceeded window resets (for Retry-After). */
export function retryAfterSeconds(outcomes: RateLimitOutcome[], now = Date.now()): number | undefined {
  const resets = outcomes.filter((o) => !o.state.allowed).map((o) => o.state.reset);
  return resets.length ? Math.max(1, Math.max(...resets) - Math.floor(now / 1000)) : undefined;
}

/** One window per credential and per client IP, tuned by RATE_LIMIT_* (see lib/config/limits.ts). */
export function standardRateLimits(): { credential: RateLimitPolicy[]; ip: RateLimitPolicy[] } {
  const windowSeconds = () => rateLimitConfig().windowSeconds;
  return {
    credential: [{ name: "window", limit: () => rateLimitConfig().perCredential, windowSeconds }],
    ip: [{ name: "window", limit: () => rateLimitConfig().perIp, windowSeconds }],
  };
}
