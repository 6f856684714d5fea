/**
 * The public base URL of the product: APP_URL without its trailing slashes. Read on every call,
 * so that a test or a script can set it.
 *
 * In production it is required (next.config.mjs refuses to start without it, and this throws):
 * a link's host never comes from a request header, which any client sets. Elsewhere (demo
 * scripts, tests, `next dev`) it falls back to http://localhost:3000.
 */
export function appBaseUrl(): string {
  const configured = process.env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  if (process.env.NODE_ENV === "production") {
    throw new Error("APP_URL is not set: a production server needs its public base URL (see README, Configuration)");
  }
  return "http://localhost:3000";
}

/** Whether the product is served over https (APP_URL says so). */
export function servedOverHttps(): boolean {
  return /^https:\/\//i.test(process.env.APP_URL?.trim() ?? "");
}
