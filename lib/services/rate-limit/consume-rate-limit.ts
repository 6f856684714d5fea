import { getDb } from "@/lib/db/client";

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** When the window ends, in Unix seconds. */
  reset: number;
  allowed: boolean;
}

/**
 * Counts one request in a fixed window, atomically in PostgreSQL (one upsert), so that every
 * app instance shares the same counters. Old windows are swept now and then.
 */
export async function consumeRateLimit(bucket: string, limit: number, windowSeconds: number, now: Date = new Date()): Promise<RateLimitState> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const windowEnd = new Date(windowStart.getTime() + windowMs);
  const db = getDb();
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_counters (bucket, window_start, count, expires_at)
    VALUES (${bucket}, ${windowStart}, 1, ${windowEnd})
    ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
    RETURNING count`;
  if (Math.random() < 0.01) {
    await db.rateLimitCounter.deleteMany({ where: { expiresAt: { lt: now } } });
  }
  const count = row!.count;
  return {
    limit,
    remaining: Math.max(0, limit - count),
    reset: Math.ceil(windowEnd.getTime() / 1000),
    allowed: count <= limit,
  };
}
