import { NextResponse, type NextRequest } from "next/server";
import { getPayPage, payPageStatus } from "@/lib/services/pay-page/get-pay-page";

/**
 * The pay page answers with the status of its state (404 unknown, 410 paid / cancelled /
 * expired / exhausted), which a page alone cannot set in the App Router.
 */
export async function proxy(request: NextRequest) {
  const slug = decodeURIComponent(request.nextUrl.pathname.split("/")[2] ?? "");
  const page = await getPayPage(slug, request.nextUrl.searchParams.get("payment"));
  const status = payPageStatus(page);
  return status === 200 ? NextResponse.next() : NextResponse.next({ status });
}

export const config = { matcher: "/pay/:slug" };
