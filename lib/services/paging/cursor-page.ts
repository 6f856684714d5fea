/**
 * One page of a list read by cursor (keyset), as the dashboard pages its lists: Next and
 * Previous, each page as fast as the first however deep it is, and how many rows the filters
 * match, counted exactly up to a cap (counting a million rows on every page would cost more
 * than the page itself).
 */
import { validationError } from "@/lib/errors";
import { after, decodeCursor, encodeCursor, keyOf, keyOrderBy, reversed, type KeyColumn } from "./keyset";

/** How many rows the filters match: exactly `count`, or more than `count` when not exact. */
export interface ListTotal {
  count: number;
  exact: boolean;
}

export interface CursorPage<T> {
  items: T[];
  limit: number;
  /** The cursor of the page after this one (pass it as `after`), or null on the last page. */
  next: string | null;
  /** The cursor of the page before this one (pass it as `before`), or null on the first page. */
  previous: string | null;
  total: ListTotal;
}

export interface CursorPageQuery {
  limit: number;
  /** The rows after this cursor (a page's `next`). */
  after?: string;
  /** The rows before this cursor (a page's `previous`). */
  before?: string;
}

/** Counted exactly up to this many rows; beyond, the total says "more than". */
export const DEFAULT_COUNT_CAP = 500;

type Where = Record<string, unknown>;

export interface CursorPageSource<Row> {
  /** The key of the order, its last column unique. */
  columns: readonly KeyColumn[];
  /** The filters (a Prisma where of the model). */
  where: Where;
  findMany(args: { where: Where; orderBy: Record<string, "asc" | "desc">[]; take: number }): Promise<Row[]>;
  /** Counts up to `take` rows; in the page's order, so that PostgreSQL counts along the same index. */
  count(args: { where: Where; orderBy: Record<string, "asc" | "desc">[]; take: number }): Promise<number>;
  countCap?: number;
}

/** Reads the page `query` names (the first page without a cursor). */
export async function readCursorPage<Row extends object>(source: CursorPageSource<Row>, query: CursorPageQuery): Promise<CursorPage<Row>> {
  if (query.after && query.before) throw validationError("before", "after and before cannot be used together");
  const { columns, where } = source;
  const cap = source.countCap ?? DEFAULT_COUNT_CAP;
  const backwards = Boolean(query.before);
  const cursor = query.after ?? query.before;
  const field = backwards ? "before" : "after";
  const key = cursor ? decodeCursor(cursor, columns, field) : undefined;
  const order = backwards ? reversed(columns) : columns;

  const [rows, counted] = await Promise.all([
    source.findMany({ where: key ? { AND: [where, after(order, key)] } : where, orderBy: keyOrderBy(order), take: query.limit + 1 }),
    source.count({ where, orderBy: keyOrderBy(columns), take: cap + 1 }),
  ]);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  if (backwards) items.reverse();
  const cursorOf = (row: Row | undefined) => (row ? encodeCursor(keyOf(columns, row as Record<string, unknown>)) : null);
  return {
    items,
    limit: query.limit,
    // Forwards: a next page if more rows came than asked, a previous one if this page started at a cursor.
    // Backwards, the mirror: the page it came from is next. Back at the start, the page may hold
    // less than `limit` rows (rows came first since): each row is shown once, never on two pages.
    next: backwards || more ? cursorOf(items.at(-1)) : null,
    previous: backwards ? (more ? cursorOf(items[0]) : null) : key ? cursorOf(items[0]) : null,
    total: counted > cap ? { count: cap, exact: false } : { count: counted, exact: true },
  };
}
