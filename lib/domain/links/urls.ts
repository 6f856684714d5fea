/**
 * Every URL the product hands out for a link, built in one place: the pay page, its short form
 * for SMS and QR codes, and Zeamster's `/paylink?id=`. `base` is the public base URL (no slash
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
