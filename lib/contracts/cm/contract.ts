/**
 * The CM.com Payment Link API (contracts/cm-payment-link-api.txt) under /api/cm: OAuth 2.0
 * client-credentials tokens sent as `Authorization: Bearer <token>` (or the bare token, as some
 * clients send it). The document gives no error body; ours is `{"errors": [{code, message, field?}]}`,
 * one entry per problem, with the document's field names.
 */
import { bearerToken } from "@/lib/contracts/kit/auth";
import { defineContract } from "@/lib/contracts/kit/define";
import { DEFAULT_STATUS_BY_CODE } from "@/lib/contracts/kit/map-error";
import { standardRateLimits } from "@/lib/contracts/kit/rate-limit";
import type { JsonReply } from "@/lib/contracts/kit/types";
import { cmErrorSchema } from "./schemas";



const DESCRIPTION = 'The CM.com Payment Link API under /api/cm. Amounts are decimal major units of currency_code. Errors: {"errors": [{code, message, field?}]}.';

export const cm = defineContract<JsonReply>({
  name: "cm",
  owns: ["/api/cm/"],
  tag: { name: "CM.com payment links", description: DESCRIPTION },
  auth: { strategy: bearerToken("cmBearer", { allowBare: true }), scope: "payment_links" },
  rateLimits: standardRateLimits(),
  statusByCode: DEFAULT_STATUS_BY_CODE,
  fieldNames: { expires_at: "expiry_date", currency: "currency_code", language: "language_code", country: "country_code" },
  renderSuccess: (reply) => reply.body,
  renderError: (error) => ({
    errors: (error.issues ?? [{ field: error.field, message: error.message }]).map((issue) => ({
      code: error.code.toLowerCase(),
      message: issue.message,
      ...(issue.field ? { field: issue.field } : {}),
    })),
  }),
  errorSchema: cmErrorSchema,
});
