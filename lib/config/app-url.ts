/**
 * The public base URL of the product for code that has no request to look at (messages written
 * to the outbox, workers): APP_URL without its trailing slashes, else http://localhost:3000.
 * Read on every call, so that a test or a script can set it.
 */
export function appBaseUrl(): string {
  const configured = process.env.APP_URL?.trim();
  return configured ? configured.replace(/\/+$/, "") : "http://localhost:3000";
}
