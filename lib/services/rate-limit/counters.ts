import { getDb } from "@/lib/db/client";

/** Requests to add to one (bucket, window) row of rate_limit_counters. */
export interface CounterDelta {
  bucket: string;
  windowStart: Date;
  windowEnd: Date;
  add: number;
}

/**
 * Adds every delta to its row with one statement (creating the rows that do not exist yet) and
 * returns each row's new count, in the order of `deltas`. The count includes what every instance
 * has written so far, so it is how an instance learns the global count.
 *
 * The rows are upserted in (bucket, window_start) order, so two instances writing overlapping
 * batches take the row locks in the same order and cannot deadlock. Each (bucket, window) may
 * appear only once in `deltas` (PostgreSQL refuses to update one row twice in one statement).
 */
export async function addToCounters(deltas: readonly CounterDelta[]): Promise<number[]> {
  if (deltas.length === 0) return [];
  const buckets = deltas.map((d) => d.bucket);
  const starts = deltas.map((d) => d.windowStart.toISOString());
  const adds = deltas.map((d) => d.add);
  const ends = deltas.map((d) => d.windowEnd.toISOString());
  const rows = await getDb().$queryRaw<{ bucket: string; window_start: Date; count: number }[]>`
    INSERT INTO rate_limit_counters (bucket, window_start, count, expires_at)
    SELECT d.bucket, d.window_start, d.add, d.expires_at
    FROM unnest(${buckets}::text[], ${starts}::timestamptz[], ${adds}::int[], ${ends}::timestamptz[])
      AS d(bucket, window_start, add, expires_at)
    ORDER BY d.bucket, d.window_start
    ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limit_counters.count + EXCLUDED.count
    RETURNING bucket, window_start, count`;
  const counts = new Map(rows.map((row) => [rowKey(row.bucket, row.window_start), row.count]));
  return deltas.map((d) => {
    const count = counts.get(rowKey(d.bucket, d.windowStart));
    if (count === undefined) throw new Error(`rate_limit_counters: no row returned for ${d.bucket}`);
    return count;
  });
}

/** Deletes the rows of windows that ended before `now`. */
export async function deleteExpiredCounters(now: Date): Promise<void> {
  await getDb().rateLimitCounter.deleteMany({ where: { expiresAt: { lt: now } } });
}

function rowKey(bucket: string, windowStart: Date): string {
  return `${windowStart.getTime()}|${bucket}`;
}
