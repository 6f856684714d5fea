/**
 * The Sylius v1 Payments API (contracts/sylius-payments-api.rst) at /api/v1/... with its OAuth
 * token endpoint at /api/oauth/v2/token. Without a valid bearer token Sylius answers
 * `{"error": "access_denied", "error_description": "OAuth2 authentication required"}`; its other
 * errors are `{"code": <status>, "message": "..."}`.
 */
import { z } from "zod";
import { bearerToken } from "@/lib/contracts/kit/auth";
import { defineContract } from "@/lib/contracts/kit/define";
import { DEFAULT_STATUS_BY_CODE } from "@/lib/contracts/kit/map-error";
import { standardRateLimits } from "@/lib/contracts/kit/rate-limit";
import type { ContractError, JsonReply } from "@/lib/contracts/kit/types";

export const syliusErrorSchema = z
  .union([z.object({ code: z.int(), message: z.string() }), z.object({ error: z.string(), error_description: z.string() })])
  .meta({ id: "SyliusError" });

/** An OAuth 2.0 error (RFC 6749 §5.2), as the token endpoint answers. */
export function renderOAuthError(error: ContractError) {
  return { error: error.oauthError ?? (error.status === 401 ? "invalid_client" : "invalid_request"), error_description: error.message };
}

export const sylius = defineContract<JsonReply>({
  name: "sylius",
  tag: {
    name: "Sylius payments",
    description:
      "The Sylius v1 Payments API (HAL+JSON) with OAuth 2.0 bearer tokens. Amounts are integer minor units. Get a token at /api/oauth/v2/token: " +
      "client_id is an API key id, client_secret its secret, and for the password grant username/password are a dashboard login (email, password) " +
      'of the same merchant; the key needs the "payments" scope. A payment\'s order is its payment link (/api/v1/orders/{link number}).',
  },
  owns: ["/api/v1/", "/api/oauth/"],
  auth: { strategy: bearerToken("syliusBearer"), scope: "payments" },
  rateLimits: standardRateLimits(),
  statusByCode: DEFAULT_STATUS_BY_CODE,
  // A Sylius order is one of our payment links (see the orders operation): it is named so.
  reword: (error) => (error.code === "NOT_FOUND" && error.resource === "payment_link" ? "Order not found" : undefined),
  renderSuccess: (reply) => reply.body,
  renderError: (error) =>
    error.status === 401 ? { error: "access_denied", error_description: "OAuth2 authentication required" } : { code: error.status, message: error.message },
  errorSchema: syliusErrorSchema,
});
