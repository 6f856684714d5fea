import { listPaymentLinks } from "@/lib/contracts/instanvi/operations";
import { shapeListItem } from "@/lib/contracts/instanvi/shape-payment-link";
import { route } from "@/lib/contracts/kit/route";
import { listLinks } from "@/lib/services/links/list-links";

/** GET /payment-links?status=&page=&limit= */
export const GET = route(listPaymentLinks, async ({ credential, query }) => {
  const result = await listLinks({ merchantId: credential.merchantId }, query);
  return {
    message: "Payment links retrieved",
    data: {
      items: result.items.map(shapeListItem),
      pagination: { page: result.page, limit: result.limit, total: result.total, total_pages: result.totalPages },
    },
  };
});
