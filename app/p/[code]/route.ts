import { getLinkByShortCodeOrThrow } from "@/lib/services/links/get-link";
import { isAppError } from "@/lib/errors";

/** /p/<code>: the short URL of SMS and QR codes leads to the pay page. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const link = await getLinkByShortCodeOrThrow((await params).code);
    const url = new URL(`/pay/${link.slug}`, request.url);
    return new Response(null, { status: 307, headers: { Location: `${url.pathname}${new URL(request.url).search}` } });
  } catch (error) {
    if (isAppError(error)) return new Response("Payment link not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
