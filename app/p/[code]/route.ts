import { redirectToPayPage } from "@/lib/contracts/pay/entry-points";
import { decodePathSegment } from "@/lib/http/input-guard";
import { getLinkByShortCodeOrThrow } from "@/lib/services/links/get-link";

/** /p/<code>: the short URL of SMS and QR codes leads to the pay page (keeping ?lang=). */
export function GET(request: Request) {
  return redirectToPayPage(request, (url) => getLinkByShortCodeOrThrow(decodePathSegment(url.pathname.split("/")[2] ?? "", "code")), true);
}
