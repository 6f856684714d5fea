import "server-only";
import { randomUUID } from "node:crypto";
import type { PayPage } from "./get-pay-page";

/**
 * The pay page is read once per request. proxy.ts must read it first (its status code, 404 or
 * 410, can only be set there), so it hands what it read to the page, in the same process,
 * through a one-time token in this request header; the page takes it back instead of reading
 * the database again. A token names nothing unless this process issued it for this very slug
 * and payment in the last few seconds, and it is taken once: a client that sends the header
 * gains nothing (and proxy.ts replaces it anyway).
 */
export const PAY_PAGE_HANDOFF_HEADER = "x-paylinks-pay-page";

interface Handoff {
  slug: string;
  paymentId: string | null;
  page: PayPage | null;
  expiresAt: number;
}

/** Long enough for the page to start rendering after the proxy; the page reads afresh after it. */
const HANDOFF_TTL_MS = 10_000;
/** Entries never taken (a client that hung up) are dropped when they expire or past this many. */
const MAX_HANDOFFS = 5_000;

/** On globalThis: proxy.ts and the page are separate bundles of one process. */
const processStore = globalThis as typeof globalThis & { paylinksPayPageHandoffs?: Map<string, Handoff> };

function store(): Map<string, Handoff> {
  return (processStore.paylinksPayPageHandoffs ??= new Map());
}

/** Keeps what proxy.ts read for the page and returns the token to pass in PAY_PAGE_HANDOFF_HEADER. */
export function handOffPayPage(slug: string, paymentId: string | null, page: PayPage | null, now: number = Date.now()): string {
  const handoffs = store();
  // Insertion order is expiry order: drop the expired and the overflow from the front.
  for (const [token, handoff] of handoffs) {
    if (handoff.expiresAt > now && handoffs.size < MAX_HANDOFFS) break;
    handoffs.delete(token);
  }
  const token = randomUUID();
  handoffs.set(token, { slug, paymentId, page, expiresAt: now + HANDOFF_TTL_MS });
  return token;
}

/**
 * What proxy.ts read for this slug and payment (null: no such link), or undefined when there is
 * nothing to take (no token, unknown, expired, or read for another page): then read it afresh.
 */
export function takePayPage(token: string | null, slug: string, paymentId: string | null, now: number = Date.now()): PayPage | null | undefined {
  if (!token) return undefined;
  const handoffs = store();
  const handoff = handoffs.get(token);
  if (!handoff) return undefined;
  handoffs.delete(token);
  if (handoff.expiresAt <= now || handoff.slug !== slug || handoff.paymentId !== paymentId) return undefined;
  return handoff.page;
}
