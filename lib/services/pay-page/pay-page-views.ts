import "server-only";
/**
 * The pay page's view counter (the dashboard's conversion figure), counted in memory and written
 * in batches.
 *
 * Why: writing each view as it happened made every view of one link queue on that link's row of
 * the day (one upsert each), the slowest part of serving the page under load. Now each process
 * adds views up in memory and writes the sums now and then, one statement for every (link, day)
 * that changed (record-pay-page-view.ts).
 *
 * When views are written: at most VIEW_FLUSH_MS (default 1000 ms) after the first unwritten view,
 * or at once, in the background, when 1000 different (link, day) counters are waiting; and on a
 * clean shutdown (SIGTERM, SIGINT: instrumentation.ts calls flushPayPageViews()). A failed write
 * keeps its views for the next try.
 *
 * The bound: a process that crashes (SIGKILL, power loss) loses the views of its last flush
 * period (1 s by default), plus those counted while the database could not be written. Nothing is
 * lost on a clean shutdown. Views only feed a statistic: no money or use depends on them.
 *
 * One visitor is counted once per link in VIEW_DEDUPE_SECONDS (default 1800, 30 minutes): a reload,
 * the language switch or coming back from a failed payment is not a second view. A visitor is
 * whatever the caller names (pay-page-visitor.ts: the client address and browser); the process
 * remembers the last 50 000 (link, visitor) pairs (about 6 MB), so past that a visitor may be counted again
 * early, and each app instance remembers its own (a visitor served by I instances counts at most
 * I times in the window). Views without a visitor are always counted.
 */
import { addPayPageViews, utcDay, type ViewDelta } from "./record-pay-page-view";

export interface ViewCounterOptions {
  /** Longest wait before counted views are written, in ms; default env VIEW_FLUSH_MS, else 1000. */
  flushMs?: number;
  /** Distinct (link, day) counters waiting that start a write at once; default 1000. */
  batchSize?: number;
  /** How long a visitor's view of a link is not counted again, in ms; default env VIEW_DEDUPE_SECONDS x 1000, else 30 min. */
  dedupeMs?: number;
  /** How many (link, visitor) pairs are remembered; default 50 000. */
  maxVisitors?: number;
  /** Where the sums go; addPayPageViews by default (tests replace it). */
  write?: (deltas: ViewDelta[]) => Promise<void>;
}

export interface ViewCounter {
  /** Counts a view of the link, unless `visitor` viewed it within the dedupe window; says whether it counted. */
  count(link: { id: string; merchantId: string }, visitor: string | null, now?: Date): boolean;
  /** Writes every view counted so far (after the write in progress, if any). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is waiting. */
  close(): Promise<void>;
  /** Views counted and not yet written. */
  pendingViews(): number;
}

const DEFAULT_FLUSH_MS = 1000;
const DEFAULT_BATCH_SIZE = 1000;
const DEFAULT_DEDUPE_MS = 30 * 60_000;
const DEFAULT_MAX_VISITORS = 50_000;
/** Past this many (link, day) counters waiting (the database is away), new ones are dropped. */
const MAX_PENDING_COUNTERS = 100_000;

function positiveIntFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function createViewCounter(options: ViewCounterOptions = {}): ViewCounter {
  const flushMs = options.flushMs ?? positiveIntFromEnv("VIEW_FLUSH_MS", DEFAULT_FLUSH_MS);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const dedupeMs = options.dedupeMs ?? positiveIntFromEnv("VIEW_DEDUPE_SECONDS", DEFAULT_DEDUPE_MS / 1000) * 1000;
  const maxVisitors = options.maxVisitors ?? DEFAULT_MAX_VISITORS;
  const write = options.write ?? addPayPageViews;

  /** `${linkId}|${day}` -> views waiting to be written. */
  let pending = new Map<string, ViewDelta>();
  /** `${linkId}|${visitor}` -> until when (ms) that visitor's views of that link are not counted; oldest first. */
  const recent = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> | undefined;
  let flushAgain = false;
  let droppedWarned = false;

  function count(link: { id: string; merchantId: string }, visitor: string | null, now: Date = new Date()): boolean {
    if (visitor !== null && seenRecently(`${link.id}|${visitor}`, now.getTime())) return false;
    const day = utcDay(now);
    const key = `${link.id}|${day}`;
    const delta = pending.get(key);
    if (delta) delta.views += 1;
    else {
      if (pending.size >= MAX_PENDING_COUNTERS) {
        if (!droppedWarned) console.error(`Pay-page views: ${MAX_PENDING_COUNTERS} counters are waiting to be written; dropping new ones until a write succeeds`);
        droppedWarned = true;
        return false;
      }
      pending.set(key, { linkId: link.id, merchantId: link.merchantId, day, views: 1 });
    }
    if (pending.size >= batchSize) flushInBackground();
    else schedule();
    return true;
  }

  /** Whether the pair was seen within the window; remembers it when not. */
  function seenRecently(key: string, nowMs: number): boolean {
    const until = recent.get(key);
    if (until !== undefined && until > nowMs) return true;
    // Every entry lives dedupeMs, so insertion order is expiry order: drop the expired and the overflow from the front.
    if (until !== undefined) recent.delete(key);
    for (const [oldest, expiry] of recent) {
      if (expiry > nowMs && recent.size < maxVisitors) break;
      recent.delete(oldest);
    }
    recent.set(key, nowMs + dedupeMs);
    return false;
  }

  function schedule() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      flushInBackground();
    }, flushMs);
    // Never keep a process alive for this: shutdown flushes explicitly.
    timer.unref();
  }

  function flushInBackground() {
    flush().catch((error: unknown) => console.error("Pay-page views: writing the counts failed, retrying", error));
  }

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
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await write([...batch.values()]);
      droppedWarned = false;
    } catch (error) {
      // Keep the views for the next try: put them back, adding what was counted meanwhile.
      for (const [key, delta] of batch) {
        const newer = pending.get(key);
        if (newer) newer.views += delta.views;
        else pending.set(key, delta);
      }
      schedule();
      throw error;
    }
  }

  async function close() {
    clearTimeout(timer);
    timer = undefined;
    await flush();
  }

  const pendingViews = () => [...pending.values()].reduce((sum, delta) => sum + delta.views, 0);

  return { count, flush, close, pendingViews };
}

/** The counter of this process, on globalThis: the page and instrumentation.ts are separate bundles. */
const processCounter = globalThis as typeof globalThis & { paylinksViewCounter?: ViewCounter };

/** Counts a view of the pay page in this process's counter (see the bounds at the top of this file). */
export function countPayPageView(link: { id: string; merchantId: string }, visitor: string | null, now: Date = new Date()): boolean {
  processCounter.paylinksViewCounter ??= createViewCounter();
  return processCounter.paylinksViewCounter.count(link, visitor, now);
}

/** Writes the views this process has not written yet; call it on shutdown. */
export async function flushPayPageViews(): Promise<void> {
  await processCounter.paylinksViewCounter?.close();
}
