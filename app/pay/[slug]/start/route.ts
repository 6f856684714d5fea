import { answerPayForm } from "@/lib/contracts/pay/pay-form";
import { decodePathSegment } from "@/lib/http/input-guard";
import { clientIp, publicBaseUrl } from "@/lib/http/request-info";

/** The pay page's form posts here (plain HTML, no JavaScript needed); the answer is a 303. */
export function POST(request: Request) {
  let slug: string;
  try {
    slug = decodePathSegment(new URL(request.url).pathname.split("/")[2] ?? "", "slug");
  } catch {
    return new Response("Payment link not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return answerPayForm(request, { slug, clientIp: clientIp(request), baseUrl: publicBaseUrl(request) });
}
