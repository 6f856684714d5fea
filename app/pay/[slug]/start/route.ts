import { startPaymentFromPayPage } from "@/lib/services/pay-page/start-payment-from-pay-page";
import { clientIp, publicBaseUrl } from "@/lib/http/request-info";

/** The pay page's form posts here (plain HTML, no JavaScript needed); the answer is a 303. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const form = await request.formData().catch(() => new FormData());
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, 100) : "";
  };
  const location = await startPaymentFromPayPage({
    slug,
    provider: field("provider"),
    phone: field("phone"),
    lang: field("lang"),
    attempt: field("attempt"),
    clientIp: clientIp(request),
    baseUrl: publicBaseUrl(request),
  });
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
