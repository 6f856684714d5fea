import { NextResponse, type NextRequest } from "next/server";
import { answerUnserved } from "@/lib/contracts/kit/fallback";
import { CONTRACTS } from "@/lib/contracts/registry";
import { payPageStatus } from "@/lib/contracts/pay/pay-page-status";
import { getPayPage } from "@/lib/services/pay-page/get-pay-page";
import { payPageBusyResponse } from "@/lib/contracts/pay/pay-page-busy";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { withSecurityHeaders } from "@/lib/http/security-headers";
import { handOffPayPage, PAY_PAGE_HANDOFF_HEADER } from "@/lib/services/pay-page/pay-page-handoff";

/**
 * What route handlers and pages cannot do themselves:
 * - a malformed /api path or a method no operation serves is answered in the envelope of the
 *   contract that owns the path (400, or 405 with Allow), instead of the framework's bare answer;
 * - the pay page answers with the status of its state (404 unknown, 410 paid / cancelled /
 *   expired / exhausted), which an App Router page cannot set;
 * - dashboard pages learn which page was asked for, to come back to it after signing in.
 */
export async function proxy(request: NextRequest) {
  // Every path gets the security headers (lib/http/security-headers.ts); ROUTED ones go through route() too.
  return withSecurityHeaders(request, () => (ROUTED.test(request.nextUrl.pathname) ? route(request) : NextResponse.next()));
}

async function route(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/dashboard")) {
    const headers = new Headers(request.headers);
    headers.set("x-return-to", pathname + request.nextUrl.search);
    return NextResponse.next({ request: { headers } });
  }
  if (pathname.startsWith("/api/")) {
    if (pathname.startsWith("/api/auth/")) return NextResponse.next();
    return answerUnserved(CONTRACTS, request) ?? NextResponse.next();
  }
  const slug = payPageSlug(pathname);
  if (slug === null) {
    // A code or slug that cannot be decoded names no link (the router would fail on it): the
    // pay page's own not-found page, or a plain 404 for the short URL and the form's target.
    if (pathname.startsWith("/pay/") && pathname.split("/").length === 3) {
      return NextResponse.rewrite(new URL("/pay/not-found", request.url), { status: 404 });
    }
    return new NextResponse("Payment link not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (!pathname.startsWith("/pay/") || pathname.endsWith("/start")) return NextResponse.next();
  const paymentId = request.nextUrl.searchParams.get("payment");
  let page: Awaited<ReturnType<typeof getPayPage>>;
  try {
    page = await getPayPage(slug, paymentId);
  } catch (error) {
    // The database cannot answer: "try again in a moment" in the customer's language, a 503.
    if (isDatabaseUnavailable(error)) return payPageBusyResponse(request);
    throw error;
  }
  const status = payPageStatus(page);
  // The page takes what was read here instead of reading it again (pay-page-handoff.ts).
  const headers = new Headers(request.headers);
  headers.set(PAY_PAGE_HANDOFF_HEADER, handOffPayPage(slug, paymentId, page));
  return NextResponse.next({ request: { headers }, ...(status === 200 ? {} : { status }) });
}

/** The slug of /pay/<slug>(/start) or the code of /p/<code>, or null when it is malformed (bad percent-encoding, a NUL). */
function payPageSlug(pathname: string): string | null {
  try {
    const slug = decodeURIComponent(pathname.split("/")[2] ?? "");
    return slug.includes("\u0000") || !slug.isWellFormed() ? null : slug;
  } catch {
    return null;
  }
}

/** What route() serves: /pay/:slug(/start), /p/:code, /api/**, /dashboard/** (the matcher's list before every path needed the security headers). */
const ROUTED = /^\/(?:pay\/[^/]+(?:\/start)?|p\/[^/]+|api(?:\/.*)?|dashboard(?:\/.*)?)\/?$/;

/** Every page and API route: all paths but Next.js's own static files (next.config.mjs gives those their headers). */
export const config = { matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"] };
