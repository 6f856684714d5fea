/**
 * Security headers on every page and API answer, set by proxy.ts (whose matcher covers every
 * path but Next.js's static files, which get the static ones from next.config.mjs):
 * - Content-Security-Policy: scripts only with this request's nonce, and what they load
 *   ('strict-dynamic'): no inline script an attacker could inject runs. Next.js reads the nonce
 *   from the policy in the request headers and puts it on its own scripts (every page is
 *   rendered per request for that: app/layout.tsx). Styles allow 'unsafe-inline': React's
 *   `style` attributes and the email preview's inline styles need it, and a style cannot run
 *   code. `frame-ancestors 'none'`: no page, the pay page included, can be framed.
 * - Strict-Transport-Security when served over https (the request, or APP_URL, says so).
 * - Referrer-Policy: same-origin (a payment id in a pay page's URL never leaves the site),
 *   X-Content-Type-Options: nosniff, X-Frame-Options: DENY (older browsers), Permissions-Policy.
 */
import type { NextRequest } from "next/server";
import { servedOverHttps } from "@/lib/config/app-url";
import { STATIC_SECURITY_HEADERS } from "./static-security-headers.mjs";

export const HSTS = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy(options: { nonce: string; https: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'self' is ignored where 'strict-dynamic' is understood; it serves older browsers.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Runs the rest of the proxy, then: hands the nonce and the policy to the page's rendering (as
 * request headers), and sets the security headers on the answer, whatever it is (a page, an API
 * answer, a 404 written by the proxy).
 */
export async function withSecurityHeaders(request: NextRequest, next: () => Response | Promise<Response>): Promise<Response> {
  const nonce = newNonce();
  const https = request.nextUrl.protocol === "https:" || servedOverHttps();
  const policy = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });
  let response = await next();
  try {
    response.headers.set("Content-Security-Policy", policy);
  } catch {
    // Headers of a Response.redirect() are immutable: answer with a copy.
    response = new Response(response.body, response);
    response.headers.set("Content-Security-Policy", policy);
  }
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  forwardRequestHeaders(response, request.headers, { "x-nonce": nonce, "content-security-policy": policy });
  return response;
}

const OVERRIDE = "x-middleware-override-headers";
const PREFIX = "x-middleware-request-";

/**
 * Adds request headers for the page or route the request goes on to, on an answer that lets it
 * go on (NextResponse.next() or rewrite()), keeping what the rest of the proxy set: the same
 * headers NextResponse.next({ request: { headers } }) writes, merged as Next.js itself merges
 * its trace headers (next/dist/server/web/forward-trace-context.js).
 */
export function forwardRequestHeaders(response: Response, requestHeaders: Headers, add: Record<string, string>): void {
  if (!response.headers.has("x-middleware-next") && !response.headers.has("x-middleware-rewrite")) return;
  const overridden = response.headers.get(OVERRIDE);
  const keys = overridden ? overridden.split(",").map((key) => key.trim()).filter(Boolean) : [];
  if (!overridden) {
    // No override yet: the request goes on with all of its own headers, plus ours.
    for (const [key, value] of requestHeaders) {
      response.headers.set(PREFIX + key, value);
      keys.push(key);
    }
  }
  for (const [key, value] of Object.entries(add)) {
    response.headers.set(PREFIX + key, value);
    if (!keys.includes(key)) keys.push(key);
  }
  response.headers.set(OVERRIDE, keys.join(","));
}
