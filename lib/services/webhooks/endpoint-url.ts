import { z } from "zod";
import { endpointUrlSchema } from "@/lib/domain/webhooks/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { assertDeliverableUrl, privateUrlsAllowed } from "@/lib/http/safe-url";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Endpoints have no mode (one endpoint receives the events of SANDBOX and LIVE links alike, each
 * saying its `mode`), so the https rule follows the deployment: a production server
 * (NODE_ENV=production) accepts only https endpoints, since they receive LIVE events; local
 * development and tests (NODE_ENV other than production) accept http too, and so does
 * ALLOW_PRIVATE_URLS=1 (local receivers speak plain HTTP; lib/http/safe-url.ts).
 */
export function endpointsRequireHttps(env: Env = process.env): boolean {
  return env.NODE_ENV === "production";
}

/** Whether only https endpoints are accepted here and now (what the dashboard tells the merchant). */
export function httpsOnlyEndpoints(env: Env = process.env): boolean {
  return endpointsRequireHttps(env) && !privateUrlsAllowed(env);
}

/**
 * The URL an endpoint is saved with: an http(s) URL of at most 2000 characters that the server
 * may call (no private, loopback or link-local destination, no credentials; https in production).
 * A refused URL is a VALIDATION error naming the field `url`. Returns it normalised (WHATWG URL).
 */
export function assertEndpointUrl(raw: unknown, env: Env = process.env): string {
  const { url } = parseOrThrow(z.object({ url: endpointUrlSchema }), { url: raw });
  return assertDeliverableUrl(url, "url", { requireHttps: endpointsRequireHttps(env) }).href;
}
