import { appBaseUrl } from "@/lib/config/app-url";
import { clientIpFromForwardedFor } from "./client-ip";

/**
 * The client's IP for per-IP rate limits: the socket's address, or with TRUSTED_PROXIES the
 * right-most untrusted X-Forwarded-For hop (see client-ip.ts). Never an entry the client wrote.
 */
export function clientIp(request: Request): string {
  return clientIpFromHeaders(request.headers);
}

/** The same, for server actions and pages (which see the request's headers, not the request). */
export function clientIpFromHeaders(headers: Headers): string {
  return clientIpFromForwardedFor(headers.get("x-forwarded-for"));
}

/** The public base URL of the product: APP_URL when set, else (never in production) the origin the request came to. */
export function publicBaseUrl(request: Request): string {
  return publicBaseUrlFromHeaders(request.headers, new URL(request.url).origin);
}

/**
 * The same, for pages. In production APP_URL is required (the server refuses to start without
 * it), so a link's host never comes from a Host or X-Forwarded-Host header a client chose; the
 * request's origin is only a convenience of `next dev` and tests.
 */
export function publicBaseUrlFromHeaders(headers: Headers, fallbackOrigin?: string): string {
  if (process.env.APP_URL?.trim() || process.env.NODE_ENV === "production") return appBaseUrl();
  if (fallbackOrigin) return fallbackOrigin;
  return `${headers.get("x-forwarded-proto") ?? "http"}://${headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000"}`;
}
