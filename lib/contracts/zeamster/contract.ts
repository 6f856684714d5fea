/**
 * The Zeamster Paylinks API (contracts/zeamster-paylinks.txt) under /api/zeamster: the vendor's
 * `user-id` + `user-api-key` headers (`developer-id` accepted and ignored). Errors are
 * `{"type": "Error", "status", "message", "errors"?: {<field>: [messages]}}`; a bad field is a 422.
 */
import { z } from "zod";
import { headerPair } from "@/lib/contracts/kit/auth";
import { defineContract } from "@/lib/contracts/kit/define";
import { DEFAULT_STATUS_BY_CODE } from "@/lib/contracts/kit/map-error";
import { standardRateLimits } from "@/lib/contracts/kit/rate-limit";
import type { ContractError, JsonReply } from "@/lib/contracts/kit/types";

export const zeamsterErrorSchema = z
  .object({ type: z.literal("Error"), status: z.int(), message: z.string(), errors: z.record(z.string(), z.array(z.string())).optional() })
  .meta({ id: "ZeamsterError" });

/** Every bad field under its name, with all its messages. */
function renderZeamsterError(error: ContractError) {
  const issues = error.issues ?? (error.field ? [{ field: error.field, message: error.message }] : []);
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.field] ??= []).push(issue.message);
  return { type: "Error", status: error.status, message: error.message, ...(issues.length ? { errors } : {}) };
}

export const zeamster = defineContract<JsonReply>({
  name: "zeamster",
  tag: { name: "Zeamster paylinks", description: "The Zeamster Paylinks API under /api/zeamster. amount_due is a decimal(10,2) string. Errors: {type, status, message, errors?: {field: [messages]}}." },
  owns: ["/api/zeamster/"],
  auth: { strategy: headerPair("user-id", "user-api-key", "zeamsterUserApiKey"), scope: "payment_links" },
  rateLimits: standardRateLimits(),
  statusByCode: { ...DEFAULT_STATUS_BY_CODE, VALIDATION: 422, INVALID_STATE: 422 },
  fieldNames: { expires_at: "expire_date", amount: "amount_due", customer_email: "email", customer_phone: "cell_phone" },
  renderSuccess: (reply) => reply.body,
  renderError: renderZeamsterError,
  errorSchema: zeamsterErrorSchema,
});
