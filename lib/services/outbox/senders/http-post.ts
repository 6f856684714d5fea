import type { LookupFunction } from "node:net";
import { safeRequest, SafeFetchError } from "@/lib/http/safe-fetch";
import type { DeliveryResult } from "./types";

/** What the dashboard keeps of an answer. */
export const RESPONSE_KEPT_CHARS = 2000;

export interface HttpSenderOptions {
  /** Deadline of one delivery; DELIVERY_TIMEOUT_MS (15 s) by default. */
  timeoutMs?: number;
  /** Host name resolution (tests); dns.lookup by default. */
  lookup?: LookupFunction;
}

export interface JsonPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  lookup?: LookupFunction;
}

/**
 * POSTs a JSON body through safeRequest and says what came of it: a 2xx is delivered; any other
 * answer, a timeout or a network failure is retried; a refused destination is not.
 * `request` (what was sent, for the dashboard) holds no secret: the caller passes headers that
 * carry none.
 */
export async function postJson(post: JsonPost): Promise<DeliveryResult & { statusCode?: number }> {
  const request = { method: "POST", url: post.url, headers: post.headers, body: post.body };
  try {
    const reply = await safeRequest({
      url: post.url,
      method: "POST",
      headers: post.headers,
      body: post.body,
      timeoutMs: post.timeoutMs,
      lookup: post.lookup,
    });
    const response = reply.body.slice(0, RESPONSE_KEPT_CHARS);
    const common = { statusCode: reply.status, latencyMs: reply.latencyMs, request, response };
    if (reply.status >= 200 && reply.status <= 299) return { ok: true, ...common };
    return { ok: false, retry: true, error: `answered HTTP ${reply.status}`, ...common };
  } catch (error) {
    if (error instanceof SafeFetchError) {
      return { ok: false, retry: error.kind !== "refused", error: error.message, latencyMs: error.latencyMs, request };
    }
    throw error;
  }
}
