import { listDashboardLinks } from "@/lib/contracts/dashboard/operations";
import { linksQueryFromSearch } from "@/lib/contracts/dashboard/links-query";
import { shapeDashboardLink } from "@/lib/contracts/dashboard/shape-link";
import { route } from "@/lib/contracts/kit/route";
import { listLinksByCursor } from "@/lib/services/links/list-links";

/** GET /api/dashboard/links: the signed-in merchant's links, filtered as in the URL. */
export const GET = route(listDashboardLinks, async ({ session, query }) => {
  const page = await listLinksByCursor(session, linksQueryFromSearch(new URLSearchParams(query)));
  return { body: { ...page, items: page.items.map(shapeDashboardLink) } };
});
