/**
 * CycleSoftware's payment links for sales orders and invoices
 * (contracts/cyclesoftware-payment-links.md) at /api/v1/payments/{order,invoice}/...: HTTP Basic
 * with the `e-commerce` scope, `{error, error_message, data}`, and two rate-limit windows
 * (per minute and per day) in `X-RateLimit-Minutely-*` / `X-RateLimit-Daily-*` headers.
 * Its published API answers only 400, 401, 403, 404, 429 and 500, so every refusal is one of those.
 */
import { z } from "zod";
import { cycleSoftwareRateLimitConfig } from "@/lib/config/limits";
import { basicAuth } from "@/lib/contracts/kit/auth";
import { defineContract } from "@/lib/contracts/kit/define";
import type { RateLimitOutcome, ReplyBase } from "@/lib/contracts/kit/types";

export interface CycleSoftwareReply extends ReplyBase {
  data: unknown;
}

export const cycleSoftwareErrorSchema = z.object({ error: z.literal(true), error_message: z.string() }).meta({ id: "CycleSoftwareError" });

const MINUTE = { name: "minutely", limit: () => cycleSoftwareRateLimitConfig().perMinute, windowSeconds: () => 60 };
const DAY = { name: "daily", limit: () => cycleSoftwareRateLimitConfig().perDay, windowSeconds: () => 86_400 };

function rateHeaders(outcomes: RateLimitOutcome[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { policy, state } of outcomes) {
    const prefix = policy.name === "minutely" ? "X-RateLimit-Minutely" : "X-RateLimit-Daily";
    headers[`${prefix}-Limit`] = String(state.limit);
    headers[`${prefix}-Remaining`] = String(state.remaining);
    if (policy.name === "daily") headers["X-RateLimit-Daily-Reset"] = String(state.reset);
  }
  return headers;
}

export const cycleSoftware = defineContract<CycleSoftwareReply>({
  name: "cyclesoftware",
  tag: {
    name: "CycleSoftware payment links",
    description:
      "Payment links for a sales order or an invoice, as CycleSoftware documents them. HTTP Basic (key id : secret) with the e-commerce scope. Amounts in cents.",
  },
  owns: ["/api/v1/payments/order/", "/api/v1/payments/invoice/"],
  auth: { strategy: basicAuth("cycleSoftwareBasic"), scope: "e-commerce" },
  // Both windows on failed logins too (per client IP), so that every answer carries all five headers.
  rateLimits: { credential: [MINUTE, DAY], ip: [MINUTE, DAY] },
  rateLimitHeaders: rateHeaders,
  rateLimitHeaderDocs: {
    "X-RateLimit-Minutely-Limit": { description: "Requests allowed per minute", schema: { type: "integer" } },
    "X-RateLimit-Minutely-Remaining": { description: "Requests left this minute", schema: { type: "integer" } },
    "X-RateLimit-Daily-Limit": { description: "Requests allowed per day", schema: { type: "integer" } },
    "X-RateLimit-Daily-Remaining": { description: "Requests left today", schema: { type: "integer" } },
    "X-RateLimit-Daily-Reset": { description: "When the daily window resets, in Unix seconds", schema: { type: "integer" } },
  },
  statusByCode: {
    VALIDATION: 400,
    NOT_FOUND: 404,
    GONE: 400,
    INVALID_STATE: 400,
    CONFLICT: 400,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    RATE_LIMITED: 429,
    PROVIDER_UNAVAILABLE: 500,
    UNAVAILABLE: 503,
  },
  fieldNames: { amount: "payment_amount_cents" },
  // Its operations only hand out links of orders: "paid" is the order's state, not a link's.
  reword: (error) =>
    error.code === "GONE" && error.reason === "PAID"
      ? "Nothing is left to pay on this sales order or invoice: it is paid in full (or the rest is held by pending payments)"
      : undefined,
  renderSuccess: (reply) => ({ error: false, error_message: null, data: reply.data }),
  renderError: (error) => ({ error: true, error_message: error.message }),
  errorSchema: cycleSoftwareErrorSchema,
});
