/**
 * The short entry points that lead a customer to the pay page: `/p/<code>` (SMS, QR codes) and
 * Zeamster's `/paylink?id=<id>`. They answer a redirect, or a plain 404 for anything that names
 * no link, malformed input included (never a 500).
 */
import type { PaymentLink } from "@/lib/domain/links/types";
import { payPageUrl } from "@/lib/domain/links/urls";
import { isAppError } from "@/lib/errors";

export async function redirectToPayPage(request: Request, find: (url: URL) => Promise<PaymentLink>, keepQuery = false): Promise<Response> {
  const url = new URL(request.url);
  try {
    const link = await find(url);
    const query = keepQuery ? Object.fromEntries(url.searchParams) : {};
    return new Response(null, { status: 307, headers: { Location: payPageUrl(link.slug, query), "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return new Response("Payment link not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
