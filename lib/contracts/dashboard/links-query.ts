import type { ListLinksInput } from "@/lib/domain/links/schemas";

/**
 * The links list's filters as they live in the URL (shareable, back button) -> domain input.
 * Strings become numbers and dates; the domain schema then validates every field.
 */
export function linksQueryFromSearch(search: URLSearchParams): ListLinksInput {
  const get = (name: string) => search.get(name) || undefined;
  const num = (name: string) => (get(name) === undefined ? undefined : Number(get(name)));
  const date = (name: string, endOfDay = false) => {
    const value = get(name);
    if (!value) return undefined;
    return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z` : value);
  };
  return {
    status: get("status") as ListLinksInput["status"],
    search: get("q"),
    sort: get("sort") as ListLinksInput["sort"],
    order: get("order") as ListLinksInput["order"],
    page: num("page"),
    limit: num("limit"),
    createdFrom: date("from"),
    createdTo: date("to", true),
  };
}
