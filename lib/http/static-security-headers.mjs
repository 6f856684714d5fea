// @ts-check
/**
 * The security headers every answer carries, Next.js's static files included: set by
 * next.config.mjs (static files) and by proxy.ts through security-headers.ts (everything else).
 * Plain JavaScript so that next.config.mjs can import it (types in the .d.mts beside it).
 */
export const STATIC_SECURITY_HEADERS = Object.freeze({
  // A payment id in a pay page's URL never leaves the site in a Referer.
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  // frame-ancestors 'none' for browsers that predate it.
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
});
