/**
 * The Zeamster Paylinks API (contracts/zeamster-paylinks.txt) under /api/zeamster: the vendor's
 * `user-id` + `user-api-key` headers (`developer-id` accepted and ignored). Errors are
 * `{"type": "Error", "status", "message", "errors"?: {<field>: [messages]}}`; a bad field is a 422.
 */
import { headerPair } from "@/lib/contracts/kit/auth";
import { defineContract } from "@/lib/contracts/kit/define";
import { DEFAULT_STATUS_BY_CODE } from "@/lib/contracts/kit/map-error";
import { standardRateLimits } from "@/lib/contracts/kit/rate-limit";
import type { ContractError, JsonReply } from "@/lib/contracts/kit/types";
import { zeamsterErrorSchema } from "./schemas";

export { zeamsterErrorSchema };

/** A field as the document names it: the `{"paylink": {...}}` wrapper is not part of its name. */
const fieldName = (field: string) => (field.startsWith("paylink.") ? field.slice("paylink.".length) : field);

/** Every bad field under its name, with all its messages; the message names them all. */
function renderZeamsterError(error: ContractError) {
  const issues = (error.issues ?? (error.field ? [{ field: error.field, message: error.message }] : [])).map((issue) => ({ ...issue, field: fieldName(issue.field) }));
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.field] ??= []).push(issue.message);
  const fields = Object.keys(errors);
  const message = fields.length > 1 ? `Invalid fields: ${fields.join(", ")}` : error.message;
  return { type: "Error", status: error.status, message, ...(issues.length ? { errors } : {}) };
}

/** The document says "paylink" where the product says "payment link". */
function reword(error: ContractError): string | undefined {
  if (error.code === "NOT_FOUND" && error.resource === "payment_link") return "Paylink not found";
  return /payment link/i.test(error.message) ? error.message.replace(/payment link/gi, (words) => (words[0] === "P" ? "Paylink" : "paylink")) : undefined;
}

export const zeamster = defineContract<JsonReply>({
  name: "zeamster",
  tag: {
    name: "Zeamster paylinks",
    description:
      "The Zeamster Paylinks API (v2) under /api/zeamster: the document's `{{url}}` is `{public base URL}/api/zeamster`. Authentication: the API key id " +
      "in `user-id` and its secret in `user-api-key` (header names in any case; `developer-id` is accepted and ignored); the key needs the " +
      "`payment_links` scope. A paylink's `id` is a UUID and `/paylink?id={id}` opens its pay page. amount_due is a decimal(10,2) string in the " +
      "paylink's currency: the merchant's default currency (XAF unless changed), or `currency`, a field this product adds. Errors: " +
      '{"type": "Error", "status", "message", "errors"?: {field: [messages]}}: 401 unauthenticated, 403 scope, 404 not found, 422 every bad field at once ' +
      "or a refused change, 429 rate limit.",
  },
  owns: ["/api/zeamster/"],
  auth: { strategy: headerPair("user-id", "user-api-key", "zeamsterUserApiKey"), scope: "payment_links" },
  rateLimits: standardRateLimits(),
  statusByCode: { ...DEFAULT_STATUS_BY_CODE, VALIDATION: 422, INVALID_STATE: 422 },
  fieldNames: {
    expires_at: "expire_date",
    amount: "amount_due",
    customer_email: "email",
    customer_phone: "cell_phone",
    external_reference: "paylink_api_id",
    card_product_id: "cc_product_transaction_id",
    bank_product_id: "ach_product_transaction_id",
    show_receipt_details: "display_product_transaction_receipt_details",
    show_billing_fields: "display_billing_fields",
  },
  reword,
  renderSuccess: (reply) => reply.body,
  renderError: renderZeamsterError,
  errorSchema: zeamsterErrorSchema,
});
