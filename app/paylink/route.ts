import { isAppError } from "@/lib/errors";
import { getPublicLinkByIdOrThrow } from "@/lib/services/links/get-link";

/** Zeamster's /paylink?id=<paylink id> leads to the pay page. */
export async function GET(request: Request) {
  try {
    const link = await getPublicLinkByIdOrThrow(new URL(request.url).searchParams.get("id") ?? "");
    return new Response(null, { status: 307, headers: { Location: `/pay/${link.slug}` } });
  } catch (error) {
    if (isAppError(error)) return new Response("Payment link not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
