/**
 * Fixed-window rate limits shared by every app instance through PostgreSQL
 * (rate_limit_counters), counted in batches.
 *
 * Why batches: writing every request to its (bucket, window) row made all the requests of one
 * API key or IP queue on that row's lock, which capped the whole API at a few hundred req/s.
 * Now each process counts requests in memory and writes the sums now and then, one statement
 * for all the rows that changed.
 *
 * How, per (bucket, window) and process:
 * - `known` is the global count this process last read from the database (it includes what this
 *   process wrote), `inFlight` what it is writing now, `pending` what it counted and has not yet
 *   written. A request's place in the window is known + inFlight + pending.
 * - The first request of a window in this process is written at once and awaited, so a fresh
 *   instance learns the global count before it decides anything. So is a request that finds
 *   `known` older than 2 flush periods (the bucket was quiet here) and nothing being written.
 * - Every other request is counted in memory. A flush runs at most RATE_LIMIT_FLUSH_MS (default
 *   100 ms) after a request was counted, or at once, in the background, when 20 requests of one
 *   bucket are waiting. It adds all the pending sums in one statement and reads back the global
 *   counts. One flush runs at a time per process.
 * - Refused requests count too, as they always did: a client that keeps trying stays refused.
 *
 * The bound. One instance alone is exact: it sees all of its own requests. With several, an
 * instance admitting a request does not know what the others admitted since its last read (at
 * most 2 flush periods ago) plus what they had not yet written then (at most 1 flush period
 * old). So, with I instances and the default 100 ms:
 *
 *   admitted in a window ≤ limit + (I − 1) × (requests one instance admits for that bucket in 300 ms)
 *
 * plus whatever admissions fit in the database round trips, which the 300 ms does not include.
 * E.g. 3 instances each receiving 50 req/s for one API key admit at most 2 × 15 = 30 more than the
 * limit. Nothing is lost: every request reaches the row, except, if a process dies, the requests
 * it counted in its last flush period, which errs lenient; a clean shutdown (SIGTERM, SIGINT) writes
 * them (instrumentation.ts calls flushRateLimits()).
 */
import { addToCounters, deleteExpiredCounters } from "./counters";

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** When the window ends, in Unix seconds. */
  reset: number;
  allowed: boolean;
}

export interface RateLimiterOptions {
  /** Longest wait before counted requests are written, in ms; default env RATE_LIMIT_FLUSH_MS, else 100. */
  flushMs?: number;
  /** Requests of one bucket waiting in memory that start a flush at once; default 20. */
  batchSize?: number;
  /** Least time between two deletions of expired rows, in ms; default one minute. */
  sweepMs?: number;
}

export interface RateLimiter {
  /** Counts one request of `bucket` in the window of `now` and says whether it is within `limit`. */
  consume(bucket: string, limit: number, windowSeconds: number, now?: Date): Promise<RateLimitState>;
  /** Writes every pending count now (after the flush in progress, if any). */
  flush(): Promise<void>;
  /** Stops the timer, writes what is pending and waits for a sweep in progress. */
  close(): Promise<void>;
}

export const DEFAULT_FLUSH_MS = 100;
const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_SWEEP_MS = 60_000;
/** Dropping past windows from memory walks every entry, so it runs at most this often. */
const DROP_EVERY_MS = 1_000;

/** RATE_LIMIT_FLUSH_MS, read on every use like lib/config/limits.ts (so tests can set it). */
export function rateLimitFlushMs(): number {
  const value = Number(process.env.RATE_LIMIT_FLUSH_MS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_FLUSH_MS;
}

interface Entry {
  bucket: string;
  windowStart: Date;
  windowEnd: Date;
  known: number;
  /** Date.now() when the statement that returned `known` was sent; 0 before the first read. */
  knownAt: number;
  inFlight: number;
  pending: number;
  /** Set while a request of this entry is written at once; the requests behind it wait for it. */
  writing?: Promise<void>;
}

/** An independent limiter (tests create several to play several app instances). */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  for (const name of ["flushMs", "batchSize", "sweepMs"] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  const flushMs = () => options.flushMs ?? rateLimitFlushMs();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const sweepMs = options.sweepMs ?? DEFAULT_SWEEP_MS;

  const entries = new Map<string, Entry>();
  /** Entries with pending requests. */
  const dirty = new Set<Entry>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> | undefined;
  let flushAgain = false;
  let sweeping: Promise<void> | undefined;
  let lastSweep = Date.now();
  let lastDrop = Date.now();

  async function consume(bucket: string, limit: number, windowSeconds: number, now: Date = new Date()): Promise<RateLimitState> {
    const windowMs = windowSeconds * 1000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    const key = `${start}|${bucket}`;
    for (;;) {
      let entry = entries.get(key);
      if (entry?.writing) {
        // Wait for the count that write brings back, then look again (it may have failed).
        await entry.writing;
        continue;
      }
      if (!entry) {
        dropPastWindows();
        entry = { bucket, windowStart: new Date(start), windowEnd: new Date(start + windowMs), known: 0, knownAt: 0, inFlight: 0, pending: 0 };
        entries.set(key, entry);
      }
      // A stale count is refreshed by writing at once, unless a flush is already bringing a new one.
      const stale = Date.now() - entry.knownAt > 2 * flushMs() && entry.inFlight === 0;
      const place = stale ? await writeAtOnce(key, entry) : countInMemory(entry);
      return {
        limit,
        remaining: Math.max(0, limit - place),
        reset: Math.ceil(entry.windowEnd.getTime() / 1000),
        allowed: place <= limit,
      };
    }
  }

  /** Writes this one request and returns its place; requests arriving meanwhile wait for it. */
  async function writeAtOnce(key: string, entry: Entry): Promise<number> {
    let done!: () => void;
    entry.writing = new Promise<void>((resolve) => (done = resolve));
    const sentAt = Date.now();
    try {
      const [count] = await addToCounters([{ bucket: entry.bucket, windowStart: entry.windowStart, windowEnd: entry.windowEnd, add: 1 }]);
      learn(entry, count!, sentAt);
      sweepNowAndThen();
      // Computed before the waiters run, so they take the places after this one.
      return entry.known + entry.inFlight + entry.pending;
    } catch (error) {
      // Forget an entry that never learnt anything, so that the next request tries afresh.
      if (entry.knownAt === 0) entries.delete(key);
      throw error;
    } finally {
      entry.writing = undefined;
      done();
      // A flush skips entries being written, so pick up what it left.
      if (entry.pending > 0) schedule();
    }
  }

  function countInMemory(entry: Entry): number {
    entry.pending += 1;
    dirty.add(entry);
    // Once per batch: a flush in progress takes everything counted up to when it starts.
    if (entry.pending === batchSize) flushInBackground();
    else schedule();
    return entry.known + entry.inFlight + entry.pending;
  }

  function learn(entry: Entry, count: number, sentAt: number) {
    // Counts only grow within a window, so the larger one is the newer.
    entry.known = Math.max(entry.known, count);
    entry.knownAt = Math.max(entry.knownAt, sentAt);
  }

  function schedule() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      flushInBackground();
    }, flushMs());
    // Never keep a process alive for this.
    timer.unref();
  }

  function flushInBackground() {
    flush().catch((error: unknown) => console.error("Rate limit: writing the counts failed, retrying", error));
  }

  /** One flush at a time; a call during one gets it repeated once it ends, and waits for that. */
  function flush(): Promise<void> {
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    flushing = (async () => {
      try {
        do {
          flushAgain = false;
          await writePending();
        } while (flushAgain);
      } finally {
        flushing = undefined;
      }
    })();
    return flushing;
  }

  async function writePending() {
    // An entry being written at once is left for later: its write must not overlap a flush's.
    const batch = [...dirty].filter((entry) => !entry.writing);
    if (batch.length > 0) {
      const adds = batch.map((entry) => entry.pending);
      for (const entry of batch) {
        entry.inFlight += entry.pending;
        entry.pending = 0;
        dirty.delete(entry);
      }
      const sentAt = Date.now();
      try {
        const counts = await addToCounters(batch.map((entry, i) => ({ bucket: entry.bucket, windowStart: entry.windowStart, windowEnd: entry.windowEnd, add: adds[i]! })));
        batch.forEach((entry, i) => {
          entry.inFlight -= adds[i]!;
          learn(entry, counts[i]!, sentAt);
        });
      } catch (error) {
        // Keep the requests for the next try: none may be lost.
        batch.forEach((entry, i) => {
          entry.inFlight -= adds[i]!;
          entry.pending += adds[i]!;
          dirty.add(entry);
        });
        schedule();
        throw error;
      }
      sweepNowAndThen();
    }
    dropPastWindows();
  }

  /** Forgets the windows that have ended (by the clock) and have nothing left to write. */
  function dropPastWindows() {
    const now = Date.now();
    if (now - lastDrop < DROP_EVERY_MS) return;
    lastDrop = now;
    for (const [key, entry] of entries) {
      if (entry.windowEnd.getTime() <= now && entry.pending === 0 && entry.inFlight === 0 && !entry.writing) entries.delete(key);
    }
  }

  /** Deletes expired rows in the background, at most once per sweepMs per limiter. */
  function sweepNowAndThen() {
    if (sweeping || Date.now() - lastSweep < sweepMs) return;
    lastSweep = Date.now();
    sweeping = deleteExpiredCounters(new Date())
      .catch((error: unknown) => console.error("Rate limit: deleting expired counters failed", error))
      .finally(() => (sweeping = undefined));
  }

  async function close() {
    clearTimeout(timer);
    timer = undefined;
    await flush();
    await sweeping;
  }

  return { consume, flush, close };
}

/** The limiter of this process, on globalThis: route bundles and instrumentation.ts are separate bundles. */
const processLimiter = globalThis as typeof globalThis & { paylinksRateLimiter?: RateLimiter };

/**
 * Counts one request of `bucket` in the fixed window of `now` for this process's limiter and says
 * whether it is within `limit` (see the bound at the top of this file).
 */
export function consumeRateLimit(bucket: string, limit: number, windowSeconds: number, now: Date = new Date()): Promise<RateLimitState> {
  processLimiter.paylinksRateLimiter ??= createRateLimiter();
  return processLimiter.paylinksRateLimiter.consume(bucket, limit, windowSeconds, now);
}

/** Writes the counts this process has not written yet; instrumentation.ts calls it on shutdown. */
export async function flushRateLimits(): Promise<void> {
  await processLimiter.paylinksRateLimiter?.close();
}
