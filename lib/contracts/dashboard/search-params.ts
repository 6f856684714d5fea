/** A page's searchParams (Next.js) as URLSearchParams, keeping only non-empty single values. */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  return new URLSearchParams(Object.entries(record).flatMap(([key, value]) => (typeof value === "string" && value ? [[key, value]] : [])));
}
