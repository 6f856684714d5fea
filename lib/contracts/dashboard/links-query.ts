import type { ListLinksByCursorInput } from "@/lib/services/links/list-links";

/**
 * The links list's filters as they live in the URL (shareable, back button) -> domain input.
 * Strings become numbers and dates; the domain schema then validates every field.
 */
export function linksQueryFromSearch(search: URLSearchParams): ListLinksByCursorInput {
  const get = (name: string) => search.get(name) || undefined;
  const num = (name: string) => (get(name) === undefined ? undefined : Number(get(name)));
  const date = (name: string, endOfDay = false) => {
    const value = get(name);
    if (!value) return undefined;
    return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z` : value);
  };
  // The dashboard tells "awaiting payment" (every use held, some by pending payments) from "paid".
  const status = get("status");
  return {
    status: (status === "AWAITING_PAYMENT" ? "PAID" : status) as ListLinksByCursorInput["status"],
    awaitingPayment: status === "AWAITING_PAYMENT" ? true : status === "PAID" ? false : undefined,
    search: get("q"),
    sort: get("sort") as ListLinksByCursorInput["sort"],
    order: get("order") as ListLinksByCursorInput["order"],
    // Pages go by cursor (Next, Previous): see lib/services/paging/cursor-page.ts.
    after: get("after"),
    before: get("before"),
    limit: num("limit"),
    createdFrom: date("from"),
    createdTo: date("to", true),
  };
}
