/**
 * CSV as RFC 4180 writes it (CRLF line ends; fields holding a comma, a quote, CR or LF are
 * quoted, quotes doubled), made safe to open in a spreadsheet: a text cell that starts with
 * =, +, -, @, tab or CR would run as a formula, so it gets a leading apostrophe (OWASP).
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: empty for null, numbers as they are, text guarded against formulas and quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole document: the header row, then one row per record, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}
