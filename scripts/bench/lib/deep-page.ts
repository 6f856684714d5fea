/**
 * A deep page of a list served by cursor (keyset) instead of page numbers. Walking 49,000 pages
 * to get there would take the whole run, so the bench moves the cursor of the first page: it
 * decodes it (plain text, base64url or base64), replaces the last row of the first page (its id
 * and creation time) by the row just above the wanted depth, and encodes it again. The caller
 * checks that the page it gets starts with the row it expects; an opaque (signed or encrypted)
 * cursor cannot be moved, and the bench then says so instead of measuring.
 */

export interface CursorRow {
  id: string;
  /** ISO 8601 with milliseconds. */
  createdAt: string;
}

type Codec = { decode(text: string): string | null; encode(text: string): string };

const printable = (text: string) => /^[\x20-\x7e]+$/.test(text);

const CODECS: Codec[] = [
  { decode: (text) => text, encode: (text) => text },
  {
    decode: (text) => (/^[A-Za-z0-9_-]+$/.test(text) ? Buffer.from(text, "base64url").toString("utf8") : null),
    encode: (text) => Buffer.from(text, "utf8").toString("base64url"),
  },
  {
    decode: (text) => (/^[A-Za-z0-9+/]+=*$/.test(text) ? Buffer.from(text, "base64").toString("utf8") : null),
    encode: (text) => Buffer.from(text, "utf8").toString("base64"),
  },
];

/** Every way the creation time may be written in a cursor, most specific first. */
function timeForms(iso: string): string[] {
  const ms = new Date(iso).getTime();
  return [iso, iso.replace(/\.\d{3}Z$/, "Z"), iso.replace("T", " ").replace("Z", "+00"), String(ms), String(ms * 1000)];
}

/** The cursor that points after `to` as `cursor` points after `from`, or null when it cannot be read. */
export function moveCursor(cursor: string, from: CursorRow, to: CursorRow): string | null {
  for (const codec of CODECS) {
    let text: string | null;
    try {
      text = codec.decode(cursor);
    } catch {
      continue;
    }
    if (!text || !printable(text) || !text.includes(from.id)) continue;
    let moved = text.split(from.id).join(to.id);
    const fromForms = timeForms(from.createdAt);
    const toForms = timeForms(to.createdAt);
    fromForms.forEach((form, index) => {
      moved = moved.split(form).join(toForms[index]!);
    });
    return codec.encode(moved);
  }
  return null;
}

/** The cursor a page of a keyset list hands out for the next page, if it has one. */
export function findNextCursor(body: unknown): { key: string; cursor: string } | null {
  if (!body || typeof body !== "object") return null;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string" && value && /cursor|^next$|^after$/i.test(key) && !/prev|before|start/i.test(key)) return { key, cursor: value };
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const nested = findNextCursor(value);
      if (nested) return nested;
    }
  }
  return null;
}

/** The page number that lies at `depth` (0..1) of `count` rows, `limit` a page: 49,000 for 98 % of 1,000,000 by 20. */
export function pageAtDepth(count: number, limit: number, depth = 0.98): number {
  return Math.max(1, Math.round((depth * count) / limit));
}
