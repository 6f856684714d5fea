import { withDashboard } from "@/lib/contracts/dashboard/http";
import { linksQueryFromSearch } from "@/lib/contracts/dashboard/links-query";
import { shapeDashboardLink } from "@/lib/contracts/dashboard/shape-link";
import { listLinks } from "@/lib/services/links/list-links";

/** GET /api/dashboard/links: the signed-in merchant's links, filtered as in the URL. */
export const GET = withDashboard(async (scope, request) => {
  const page = await listLinks(scope, linksQueryFromSearch(new URL(request.url).searchParams));
  return { ...page, items: page.items.map(shapeDashboardLink) };
});
