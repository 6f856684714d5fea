/**
 * The client's IP for per-IP rate limits: the first X-Forwarded-For entry (set by the load
 * balancer, or by Next.js from the socket when there is none). Behind no proxy, a client can
 * forge it; deployments put the app behind one that overwrites the header.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || request.headers.get("x-real-ip") || "unknown";
}

/** The public base URL of the product: APP_URL when set, else the origin the request came to. */
export function publicBaseUrl(request: Request): string {
  return publicBaseUrlFromHeaders(request.headers, new URL(request.url).origin);
}

/** The same, for pages (which see the request's headers, not the request). */
export function publicBaseUrlFromHeaders(headers: Headers, fallbackOrigin?: string): string {
  const configured = process.env.APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  if (fallbackOrigin) return fallbackOrigin;
  return `${headers.get("x-forwarded-proto") ?? "http"}://${headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000"}`;
}
