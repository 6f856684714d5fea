/**
 * The product's own JSON routes under /api, which no published document describes: the
 * dashboard's data calls, the pay page's status poll, the providers' callbacks and the OpenAPI
 * document. They share one small envelope: the body itself, and `{"error", "field"?}` on failure.
 */
import { z } from "zod";
import { defineContract } from "@/lib/contracts/kit/define";
import { DEFAULT_STATUS_BY_CODE } from "@/lib/contracts/kit/map-error";
import { publicRouteLimitConfig, rateLimitConfig } from "@/lib/config/limits";
import type { ContractDefinition, JsonReply } from "@/lib/contracts/kit/types";

export const plainErrorSchema = z.object({ error: z.string(), field: z.string().optional() }).meta({ id: "PlainError" });

function plainJsonContract(definition: Pick<ContractDefinition<JsonReply>, "name" | "tag" | "owns" | "statusByCode" | "rateLimits">) {
  return defineContract<JsonReply>({
    ...definition,
    renderSuccess: (reply) => reply.body,
    renderError: (error) => ({ error: error.message, ...(error.field ? { field: error.field } : {}) }),
    errorSchema: plainErrorSchema,
  });
}

export const dashboardApi = plainJsonContract({
  name: "dashboard",
  tag: { name: "Dashboard", description: "The merchant dashboard's own JSON routes. They need a dashboard session (cookie); without one they answer 401." },
  owns: ["/api/dashboard/"],
  statusByCode: { ...DEFAULT_STATUS_BY_CODE, INVALID_STATE: 409 },
});

export const payPageApi = plainJsonContract({
  name: "pay-page",
  tag: { name: "Pay page", description: "What the hosted pay page (/pay/{slug}) calls from the customer's browser." },
  owns: ["/api/pay/"],
  statusByCode: DEFAULT_STATUS_BY_CODE,
  // Public: counted per client IP (RATE_LIMIT_PAY_STATUS_PER_IP), high enough for many customers behind one carrier address.
  rateLimits: perIpOnly("status-poll", () => publicRouteLimitConfig().payStatusPerIp),
});

export const providerCallbacks = plainJsonContract({
  name: "providers",
  tag: { name: "Provider callbacks", description: "Called by the mobile-money providers, not by integrators." },
  owns: ["/api/providers/"],
  statusByCode: DEFAULT_STATUS_BY_CODE,
  // Unsigned callbacks make the product ask the provider for a status: counted per client IP
  // (RATE_LIMIT_CALLBACKS_PER_IP), so nobody can make it call MTN or Orange in a loop. A refused
  // callback loses nothing: the reconciler polls pending payments anyway.
  rateLimits: perIpOnly("callbacks", () => publicRouteLimitConfig().callbacksPerIp),
});

/** One window per client IP, of RATE_LIMIT_WINDOW_SECONDS (public operations only: no credential). */
function perIpOnly(name: string, limit: () => number): NonNullable<ContractDefinition<JsonReply>["rateLimits"]> {
  return { credential: [], ip: [{ name, limit, windowSeconds: () => rateLimitConfig().windowSeconds }] };
}

export const metaApi = plainJsonContract({
  name: "meta",
  tag: { name: "About this API", description: "The document you are reading, in machine-readable form, and the health check for load balancers." },
  owns: ["/api/openapi.json", "/api/health"],
  statusByCode: DEFAULT_STATUS_BY_CODE,
});
