import "server-only";
/**
 * Numbered pages (page=N) for the contracts that document them (Instanvi, Sylius), fast at any
 * depth and with the total they document.
 *
 * OFFSET makes PostgreSQL walk every row before the page: page 49,000 of a million links read
 * 980,000 index entries. Instead, for a list of more than EXACT_UP_TO rows, each process keeps an
 * index of the order: the key of every STRIDE-th row (a few hundred keys for a million rows),
 * built by walking the order STRIDE rows at a time on the first request and rebuilt in the
 * background when it is older than INDEX_TTL_MS. A page then starts at the nearest key before
 * it (keyset) and skips less than STRIDE rows, reading only their keys (an index-only scan) before
 * reading the page's rows by id.
 *
 * Freshness, as the OpenAPI documents of these contracts say it:
 * - up to EXACT_UP_TO (10,000) rows the total is counted on each request and the page is
 *   exact (OFFSET over at most that many rows);
 * - beyond, the total is the index's: counted at most INDEX_TTL_MS (one minute) before, plus
 *   the time to count; the rows of a page are read when it is asked for, but where the pages
 *   past the first STRIDE rows start is decided by the index, so rows added or removed since it
 *   was built can move a row to the page before or after (as OFFSET would, between two requests).
 */
import { after, keyOf, keyOrderBy, type KeyColumn, type KeyValue } from "./keyset";

export interface NumberedPage<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

type Where = Record<string, unknown>;
type OrderBy = Record<string, "asc" | "desc">[];

export interface NumberedPageSource<Row> {
  /** Names the list (its model, merchant, filters and order) in the index cache. */
  cacheKey: string;
  /** The key of the order, its last column unique. */
  columns: readonly KeyColumn[];
  /** The filters (a Prisma where of the model). */
  where: Where;
  /** The page's rows, in order. */
  findMany(args: { where: Where; orderBy: OrderBy; skip: number; take: number }): Promise<Row[]>;
  /** The rows' key columns only (so that PostgreSQL can answer from an index), in order. */
  findKeys(args: { where: Where; orderBy: OrderBy; skip: number; take: number }): Promise<Record<string, unknown>[]>;
  count(args: { where: Where; orderBy?: OrderBy; take?: number }): Promise<number>;
  /** The key column that identifies a row (the last of `columns`). */
  idField: string;
}

export interface NumberedPageOptions {
  /** Lists up to this many rows are counted and paged exactly on each request; default 10,000. */
  exactUpTo?: number;
  /** One key in the index every this many rows; default 2,000. */
  stride?: number;
  /** Age after which an index is rebuilt (in the background); default one minute. */
  ttlMs?: number;
}

export const EXACT_UP_TO = 10_000;
export const STRIDE = 2_000;
export const INDEX_TTL_MS = 60_000;
/** Lists whose index this process keeps at most (the least recently used goes first). */
const MAX_INDEXES = 500;
/** Below this many rows to skip, the page is read in one statement. */
const DIRECT_SKIP = 500;

interface OrderIndex {
  /** anchors[i] is the key of the row at position (i + 1) x stride - 1 (0-based). */
  anchors: KeyValue[][];
  total: number;
  builtAt: number;
  rebuilding?: Promise<OrderIndex>;
}

const processCache = globalThis as typeof globalThis & { paylinksOrderIndexes?: Map<string, OrderIndex | Promise<OrderIndex>> };
const indexes = () => (processCache.paylinksOrderIndexes ??= new Map());

/** Reads page `page` (from 1) of `limit` rows, with the total. */
export async function readNumberedPage<Row>(source: NumberedPageSource<Row>, page: number, limit: number, options: NumberedPageOptions = {}): Promise<NumberedPage<Row>> {
  const exactUpTo = options.exactUpTo ?? EXACT_UP_TO;
  const stride = options.stride ?? STRIDE;
  const ttlMs = options.ttlMs ?? INDEX_TTL_MS;
  const offset = (page - 1) * limit;
  const result = (items: Row[], total: number): NumberedPage<Row> => ({ items, page, limit, total, totalPages: Math.ceil(total / limit) });

  // A list known to be large is not probed again (it does not shrink below the cap in a minute).
  const known = indexes().get(source.cacheKey);
  const knownLarge = known && !(known instanceof Promise) && known.total > 2 * exactUpTo;
  if (!knownLarge) {
    // In the list's order, so that PostgreSQL counts along the index the page reads.
    const probed = await source.count({ where: source.where, orderBy: keyOrderBy(source.columns), take: exactUpTo + 1 });
    if (probed <= exactUpTo) {
      const items = offset < probed ? await readFrom(source, undefined, offset, limit) : [];
      return result(items, probed);
    }
  }

  const pending = orderIndex(source, stride, ttlMs);
  if (pending instanceof Promise && offset < stride) {
    // No index yet (it is being built): a page before the first key needs none. The total is
    // counted once for every request that comes while the index is built.
    pending.catch((error: unknown) => console.error("Numbered pages: building an index failed (the next request tries again)", error));
    const [total, items] = await Promise.all([provisionalTotal(source, pending), readFrom(source, undefined, offset, limit)]);
    return result(items, total);
  }
  const index = await pending;
  if (offset >= index.total) return result([], index.total);
  // The nearest indexed key before the page: the row at position a x stride - 1.
  const a = Math.min(Math.floor(offset / stride), index.anchors.length);
  const start = a > 0 ? index.anchors[a - 1] : undefined;
  return result(await readFrom(source, start, offset - a * stride, limit), index.total);
}

const processCounts = globalThis as typeof globalThis & { paylinksProvisionalTotals?: Map<string, Promise<number>> };
const provisionalTotals = () => (processCounts.paylinksProvisionalTotals ??= new Map());

/** An exact count of the list, shared by the requests that come while its index is built. */
function provisionalTotal<Row>(source: NumberedPageSource<Row>, building: Promise<OrderIndex>): Promise<number> {
  const totals = provisionalTotals();
  let total = totals.get(source.cacheKey);
  if (!total) {
    total = source.count({ where: source.where });
    totals.set(source.cacheKey, total);
    const forget = () => totals.delete(source.cacheKey);
    building.then(forget, forget);
    total.catch(forget);
  }
  return total;
}

/** `limit` rows after `start` (from the beginning without it), skipping `skip` of them. */
async function readFrom<Row>(source: NumberedPageSource<Row>, start: KeyValue[] | undefined, skip: number, limit: number): Promise<Row[]> {
  const where = start ? { AND: [source.where, after(source.columns, start)] } : source.where;
  const orderBy = keyOrderBy(source.columns);
  if (skip < DIRECT_SKIP) return source.findMany({ where, orderBy, skip, take: limit });
  // A deferred join: find the page's ids from the index alone, then read those rows.
  const keys = await source.findKeys({ where, orderBy, skip, take: limit });
  if (keys.length === 0) return [];
  const ids = { [source.idField]: { in: keys.map((key) => key[source.idField]) } };
  return source.findMany({ where: { AND: [source.where, ids] }, orderBy, skip: 0, take: limit });
}

/**
 * This process's index of the list: built on first use (a promise until it is), rebuilt in the
 * background once stale (the stale one is served meanwhile).
 */
function orderIndex<Row>(source: NumberedPageSource<Row>, stride: number, ttlMs: number): OrderIndex | Promise<OrderIndex> {
  const cache = indexes();
  const cached = cache.get(source.cacheKey);
  if (cached) {
    // Most recently used last.
    cache.delete(source.cacheKey);
    cache.set(source.cacheKey, cached);
  }
  if (cached instanceof Promise) return cached;
  if (cached) {
    if (Date.now() - cached.builtAt > ttlMs && !cached.rebuilding) {
      cached.rebuilding = buildIndex(source, stride)
        .then((fresh) => {
          if (cache.get(source.cacheKey) === cached) cache.set(source.cacheKey, fresh);
          return fresh;
        })
        .catch((error: unknown) => {
          console.error("Numbered pages: rebuilding an index failed, keeping the old one", error);
          cached.rebuilding = undefined;
          return cached;
        });
    }
    return cached;
  }
  const building: Promise<OrderIndex> = buildIndex(source, stride).then(
    (index) => {
      if (cache.get(source.cacheKey) === building) cache.set(source.cacheKey, index);
      return index;
    },
    (error: unknown) => {
      if (cache.get(source.cacheKey) === building) cache.delete(source.cacheKey);
      throw error;
    },
  );
  cache.set(source.cacheKey, building);
  for (const oldest of cache.keys()) {
    if (cache.size <= MAX_INDEXES) break;
    cache.delete(oldest);
  }
  return building;
}

/** Walks the order `stride` rows at a time, keeping the key of the last row of each stretch. */
async function buildIndex<Row>(source: NumberedPageSource<Row>, stride: number): Promise<OrderIndex> {
  const builtAt = Date.now();
  const orderBy = keyOrderBy(source.columns);
  const anchors: KeyValue[][] = [];
  for (;;) {
    const start = anchors.at(-1);
    const where = start ? { AND: [source.where, after(source.columns, start)] } : source.where;
    const [row] = await source.findKeys({ where, orderBy, skip: stride - 1, take: 1 });
    if (!row) {
      const rest = await source.count({ where });
      return { anchors, total: anchors.length * stride + rest, builtAt };
    }
    anchors.push(keyOf(source.columns, row));
  }
}

/** Forgets every index (tests). */
export function forgetOrderIndexes(): void {
  indexes().clear();
}
