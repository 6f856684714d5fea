import "server-only";
/**
 * A figure over many rows (a sum, a count) that would cost more to compute than the page that
 * shows it, kept per process for a while: computed on first use, served from memory after, and
 * recomputed in the background once older than `ttlMs` (the stale one is served meanwhile).
 * So a figure is at most ttlMs old, plus the time to compute it.
 */
export interface Cached<T> {
  value: T;
  /** When the computation that gave `value` started. */
  asOf: Date;
}

interface Entry<T> {
  cached?: Cached<T>;
  computing?: Promise<Cached<T>>;
}

/** Figures this process keeps at most (the least recently used goes first). */
const MAX_ENTRIES = 1000;

const processCache = globalThis as typeof globalThis & { paylinksAggregates?: Map<string, Entry<unknown>> };
const entries = () => (processCache.paylinksAggregates ??= new Map());

export async function cachedAggregate<T>(key: string, ttlMs: number, compute: () => Promise<T>): Promise<Cached<T>> {
  const cache = entries();
  const entry = (cache.get(key) as Entry<T> | undefined) ?? {};
  cache.delete(key);
  cache.set(key, entry);
  for (const oldest of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(oldest);
  }
  const start = () =>
    (entry.computing ??= (async () => {
      const asOf = new Date();
      try {
        const fresh = { value: await compute(), asOf };
        entry.cached = fresh;
        return fresh;
      } finally {
        entry.computing = undefined;
      }
    })());
  if (!entry.cached) return start();
  if (Date.now() - entry.cached.asOf.getTime() > ttlMs) {
    start().catch((error: unknown) => console.error(`Recomputing ${key.split("|")[0]} failed, serving the previous figure`, error));
  }
  return entry.cached;
}

/** The figure last computed for `key`, if any (however old), without computing anything. */
export function peekAggregate<T>(key: string): Cached<T> | undefined {
  return (entries().get(key) as Entry<T> | undefined)?.cached;
}

/** Forgets every figure (tests). */
export function forgetAggregates(): void {
  entries().clear();
}
