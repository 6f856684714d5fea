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
  const configured = process.env.APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  return new URL(request.url).origin;
}
