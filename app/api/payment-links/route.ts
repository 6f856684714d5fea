import { withInstanvi } from "@/lib/contracts/instanvi/http";
import { listPaymentLinksQuery } from "@/lib/contracts/instanvi/schemas";
import { shapeListItem } from "@/lib/contracts/instanvi/shape-payment-link";
import { parseOrThrow } from "@/lib/domain/validation";
import { listLinks } from "@/lib/services/links/list-links";

/** GET /payment-links?status=&page=&limit= */
export const GET = withInstanvi({ auth: "api-key" }, async ({ credential, query }) => {
  const { status, page, limit } = parseOrThrow(listPaymentLinksQuery, Object.fromEntries(query));
  const result = await listLinks({ merchantId: credential.merchantId }, { status, page, limit });
  return {
    message: "Payment links retrieved",
    data: {
      items: result.items.map(shapeListItem),
      pagination: { page: result.page, limit: result.limit, total: result.total, total_pages: result.totalPages },
    },
  };
});
