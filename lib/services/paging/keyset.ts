/**
 * Keyset ("seek") pagination: a page starts after the key of the last row the reader saw
 * instead of skipping a number of rows, so every page costs the same however deep it is, and
 * rows inserted meanwhile neither repeat nor hide rows on the pages after.
 *
 * A key is the values of the sort columns of one row, the last of them unique (the id or the
 * number), so that every row has its own place. Key columns must be NOT NULL.
 */
import { validationError } from "@/lib/errors";

export type KeyValue = string | number | bigint | Date;

/** One sort column, named as the Prisma model names it, with the type of its values. */
export interface KeyColumn {
  field: string;
  direction: "asc" | "desc";
  type: "date" | "bigint" | "int" | "uuid";
}

/** The Prisma orderBy of a key. */
export function keyOrderBy(columns: readonly KeyColumn[]): Record<string, "asc" | "desc">[] {
  return columns.map(({ field, direction }) => ({ [field]: direction }));
}

/** The same columns in the opposite order (to read the rows before a key, nearest first). */
export function reversed(columns: readonly KeyColumn[]): KeyColumn[] {
  return columns.map((column) => ({ ...column, direction: column.direction === "asc" ? "desc" : "asc" }));
}

/** The values of a row's key columns. */
export function keyOf(columns: readonly KeyColumn[], row: Record<string, unknown>): KeyValue[] {
  return columns.map(({ field }) => row[field] as KeyValue);
}

/**
 * The Prisma condition "comes after `key` in this order": (c1 > v1) or (c1 = v1 and c2 > v2) or
 * ..., with "after" meaning "below" for a descending column. The first column's bound is
 * repeated on its own so that PostgreSQL can start the index scan at the key.
 */
export function after(columns: readonly KeyColumn[], key: readonly KeyValue[]): Record<string, unknown> {
  if (key.length !== columns.length) throw new Error(`a key of ${columns.length} values was expected, got ${key.length}`);
  const strictly = (i: number) => ({ [columns[i]!.field]: { [columns[i]!.direction === "asc" ? "gt" : "lt"]: key[i] } });
  const branches = columns.map((_, i) => ({
    AND: [...columns.slice(0, i).map((column, j) => ({ [column.field]: key[j] })), strictly(i)],
  }));
  const first = columns[0]!;
  return { AND: [{ [first.field]: { [first.direction === "asc" ? "gte" : "lte"]: key[0] } }, { OR: branches }] };
}

/** A key as an opaque, URL-safe cursor (the values as text, in column order). */
export function encodeCursor(key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(key.map((value) => (value instanceof Date ? value.toISOString() : String(value))))).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_INT = 2_147_483_647;

/** Reads a cursor made by encodeCursor for these columns; anything else is a VALIDATION error naming `field`. */
export function decodeCursor(cursor: string, columns: readonly KeyColumn[], field = "cursor"): KeyValue[] {
  const invalid = () => validationError(field, `${field} is not a cursor of this list (use the one a page gave)`);
  let texts: unknown;
  try {
    texts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(texts) || texts.length !== columns.length) throw invalid();
  return columns.map(({ type }, i): KeyValue => {
    const text = texts[i];
    if (typeof text !== "string") throw invalid();
    switch (type) {
      case "date": {
        const date = new Date(text);
        if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text) || Number.isNaN(date.getTime())) throw invalid();
        return date;
      }
      case "bigint":
        if (!/^-?\d{1,18}$/.test(text)) throw invalid();
        return BigInt(text);
      case "int":
        if (!/^-?\d{1,10}$/.test(text) || Math.abs(Number(text)) > MAX_INT) throw invalid();
        return Number(text);
      case "uuid":
        if (!UUID.test(text)) throw invalid();
        return text;
    }
  });
}
