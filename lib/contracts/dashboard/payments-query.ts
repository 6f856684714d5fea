import type { ListPaymentsInput } from "@/lib/services/payments/list-payments";

/** The payments page's filters as they live in the URL -> domain input (validated there). */
export function paymentsQueryFromSearch(search: URLSearchParams): ListPaymentsInput {
  const get = (name: string) => search.get(name) || undefined;
  const day = (name: string, endOfDay: boolean) => {
    const value = get(name);
    if (!value) return undefined;
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z` : value;
  };
  return {
    status: get("status") as ListPaymentsInput["status"],
    provider: get("provider") as ListPaymentsInput["provider"],
    from: day("from", false),
    to: day("to", true),
    after: get("after"),
    before: get("before"),
  };
}
