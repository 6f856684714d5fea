/**
 * The Instanvi Payment Links contract (contracts/instanvi-payment-links.md) under /api: the
 * `x-api-key` header, one rate-limit window with `X-RateLimit-*` headers, its status table, the
 * `{status_code, status, message, data}` envelope and its documented 410 wording.
 */
import type { GoneReason } from "@/lib/errors";
import { apiKeyHeader } from "@/lib/contracts/kit/auth";
import { defineContract } from "@/lib/contracts/kit/define";
import { DEFAULT_STATUS_BY_CODE } from "@/lib/contracts/kit/map-error";
import { standardRateLimits } from "@/lib/contracts/kit/rate-limit";
import type { ReplyBase } from "@/lib/contracts/kit/types";
import { envelope, errorEnvelope } from "./envelope";
import { errorEnvelopeSchema } from "./schemas";

export interface InstanviReply extends ReplyBase {
  message: string;
  data: unknown;
}

/** The document's words for a link that can no longer be paid, word for word. */
const GONE_MESSAGES: Readonly<Record<GoneReason, string>> = {
  PAID: "Payment link has already been paid",
  CANCELLED: "Payment link has been cancelled",
  EXPIRED: "Payment link has expired",
  EXHAUSTED: "Payment link has reached maximum uses",
  UNAVAILABLE: "Payment link is no longer available",
  INACTIVE: "Payment link is no longer available",
};

export const instanvi = defineContract<InstanviReply>({
  name: "instanvi",
  tag: {
    name: "Instanvi payment links",
    description:
      "The Instanvi Payment Links contract under /api, in its {status_code, status, message, data} envelope. Amounts are major units of the currency. Every response carries X-RateLimit-* headers (per API key, or per client IP on the public routes).",
  },
  owns: ["/api/"],
  auth: { strategy: apiKeyHeader("x-api-key", "instanviApiKey"), scope: "payment_links" },
  rateLimits: standardRateLimits(),
  rateLimitHeaders: ([outcome]): Record<string, string> =>
    outcome
      ? {
          "X-RateLimit-Limit": String(outcome.state.limit),
          "X-RateLimit-Remaining": String(outcome.state.remaining),
          "X-RateLimit-Reset": String(outcome.state.reset),
        }
      : {},
  rateLimitHeaderDocs: {
    "X-RateLimit-Limit": { description: "Requests allowed in the current window", schema: { type: "integer" } },
    "X-RateLimit-Remaining": { description: "Requests left in the current window", schema: { type: "integer" } },
    "X-RateLimit-Reset": { description: "When the window resets, in Unix seconds", schema: { type: "integer" } },
  },
  statusByCode: { ...DEFAULT_STATUS_BY_CODE, PROVIDER_UNAVAILABLE: 400 },
  reword: (error) =>
    error.code === "GONE" && error.reason
      ? GONE_MESSAGES[error.reason]
      : error.code === "PROVIDER_UNAVAILABLE"
        ? "Payment initialization failed"
        : undefined,
  renderSuccess: (reply, status) => envelope(status, reply.message, reply.data),
  renderError: (error) => errorEnvelope(error.status, error.message),
  errorSchema: errorEnvelopeSchema,
});
