import Link from "next/link";

/** How many rows a list's filters match, as the page says it ("2 links", "More than 1,000 links"). */
export function totalLabel(total: { count: number; exact: boolean }, singular: string, plural: string): string {
  const count = total.count.toLocaleString("en-GB");
  if (!total.exact) return `More than ${count} ${plural}`;
  return `${count} ${total.count === 1 ? singular : plural}`;
}

/** A list's URL with one cursor (after or before) in place of the other, keeping the filters. */
export function cursorHref(path: string, search: URLSearchParams, cursor: { after: string } | { before: string }): string {
  const next = new URLSearchParams(search);
  next.delete("after");
  next.delete("before");
  next.delete("page");
  for (const [name, value] of Object.entries(cursor)) next.set(name, value);
  return `${path}?${next}`;
}

/** Previous and Next of a list read by cursor (server-rendered pages: plain links). */
export function CursorPagination({
  path,
  search,
  page,
  label,
  className,
}: {
  path: string;
  search: URLSearchParams;
  page: { next: string | null; previous: string | null };
  /** What the list holds, e.g. totalLabel(...). */
  label: string;
  className: string;
}) {
  return (
    <nav aria-label="Pagination" className={className}>
      {page.previous ? (
        <Link href={cursorHref(path, search, { before: page.previous })} className="font-semibold text-brand-700 underline">
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span>{label}</span>
      {page.next ? (
        <Link href={cursorHref(path, search, { after: page.next })} className="font-semibold text-brand-700 underline">
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
