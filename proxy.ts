import { NextResponse, type NextRequest } from "next/server";
import { allowedInstanviMethods } from "@/lib/contracts/instanvi/allowed-methods";
import { errorEnvelope } from "@/lib/contracts/instanvi/envelope";
import { getPayPage, payPageStatus } from "@/lib/services/pay-page/get-pay-page";

/**
 * Two things route handlers and pages cannot do themselves:
 * - the pay page answers with the status of its state (404 unknown, 410 paid / cancelled /
 *   expired / exhausted), which an App Router page cannot set;
 * - a method the Instanvi contract does not serve is a 405 in its envelope, not an empty body;
 * - dashboard pages learn which page was asked for, to come back to it after signing in.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/dashboard")) {
    const headers = new Headers(request.headers);
    headers.set("x-return-to", pathname + request.nextUrl.search);
    return NextResponse.next({ request: { headers } });
  }
  if (pathname.startsWith("/api/")) {
    const allowed = allowedInstanviMethods(pathname);
    if (allowed && !allowed.includes(request.method) && request.method !== "HEAD" && request.method !== "OPTIONS") {
      return NextResponse.json(errorEnvelope(405, `Method ${request.method} is not allowed here; use ${allowed.join(" or ")}`), {
        status: 405,
        headers: { Allow: allowed.join(", ") },
      });
    }
    return NextResponse.next();
  }
  const slug = decodeURIComponent(pathname.split("/")[2] ?? "");
  const page = await getPayPage(slug, request.nextUrl.searchParams.get("payment"));
  const status = payPageStatus(page);
  return status === 200 ? NextResponse.next() : NextResponse.next({ status });
}

export const config = { matcher: ["/pay/:slug", "/api/payment-links/:path*", "/api/payment-links", "/dashboard/:path*", "/dashboard"] };
