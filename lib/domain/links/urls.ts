/**
 * Every URL the product hands out for a link, built in one place: the pay page, its short form
 * for SMS and QR codes, Zeamster's `/paylink?id=`, and where a provider calls back about a payment. `base` is the public base URL (no slash
 * at the end); without it the result is a path on this server.
 */
export function payPageUrl(slug: string, query: Record<string, string> = {}, base = ""): string {
  const search = new URLSearchParams(query).toString();
  return `${base}/pay/${encodeURIComponent(slug)}${search ? `?${search}` : ""}`;
}

export function shortUrl(shortCode: string, base = ""): string {
  return `${base}/p/${encodeURIComponent(shortCode)}`;
}

export function paylinkUrl(linkId: string, base = ""): string {
  return `${base}/paylink?${new URLSearchParams({ id: linkId })}`;
}

export function providerCallbackUrl(provider: "MTN_CAM" | "ORANGE_CAM", paymentId: string, base = ""): string {
  const path = provider === "MTN_CAM" ? "/api/providers/mtn/callback" : "/api/providers/orange/notification";
  return `${base}${path}?${new URLSearchParams({ payment: paymentId })}`;
}

/**
 * Which of a link's URLs its email and SMS carry: the short URL (the dashboard's, and the
 * default), or `/paylink?id=<id>` for links created through the contract that documents it
 * (Zeamster). Both open the same pay page.
 */
export type MessageUrlForm = "short" | "id";

export function messageUrl(link: { id: string; shortCode: string }, form: MessageUrlForm, base = ""): string {
  return form === "id" ? paylinkUrl(link.id, base) : shortUrl(link.shortCode, base);
}
