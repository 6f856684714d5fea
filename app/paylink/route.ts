import { redirectToPayPage } from "@/lib/contracts/pay/entry-points";
import { getPublicLinkByIdOrThrow } from "@/lib/services/links/get-link";

/** Zeamster's /paylink?id=<paylink id> leads to the pay page. */
export function GET(request: Request) {
  return redirectToPayPage(request, (url) => getPublicLinkByIdOrThrow(url.searchParams.get("id") ?? ""));
}
