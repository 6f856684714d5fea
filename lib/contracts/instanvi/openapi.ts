import type { ApiOperation, ApiSurface } from "@/lib/openapi/types";
import {
  cancelledPaymentLinkData,
  createdPaymentLinkData,
  createPaymentLinkRequest,
  envelopeOf,
  errorEnvelopeSchema,
  listPaymentLinksQuery,
  paymentLinkDetailData,
  paymentLinkListData,
  publicPaymentLinkData,
  redeemedPaymentLinkData,
  redeemPaymentLinkRequest,
  updatedPaymentLinkData,
  updatePaymentLinkRequest,
} from "./schemas";

const TAG = "Instanvi payment links";
const RATE_HEADERS = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];
const error = (description: string) => ({ description, schema: errorEnvelopeSchema, headers: RATE_HEADERS });
const ok = (description: string, schema: Parameters<typeof envelopeOf>[0]) => ({
  description,
  schema: envelopeOf(schema),
  headers: RATE_HEADERS,
});

const commonErrors = {
  400: error("Validation error: the message names the field or the problem (malformed JSON, wrong content type, unknown field, body too large)"),
  429: error("Rate limit exceeded; Retry-After says when to try again"),
};
const authErrors = { 401: error("Missing, unknown or revoked x-api-key") };
const idempotencyHeader = {
  name: "Idempotency-Key",
  description:
    "Optional. A retry with the same key and body returns the first response without a second effect; the same key with another body is a 409. Keys are kept 24 hours, per API key (per link for the public redeem).",
};
const slugParam = { name: "slug", description: "The payment link slug, e.g. pay_abc123xyz" };
const idParam = { name: "id", description: "The payment link UUID" };

const operations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/payment-links/create",
    operationId: "instanviCreatePaymentLink",
    summary: "Create a payment link",
    description: "Links created with a SANDBOX key are SANDBOX links; with a LIVE key, LIVE links.",
    tag: TAG,
    security: "instanviApiKey",
    headers: [idempotencyHeader],
    body: createPaymentLinkRequest,
    responses: {
      200: ok("Payment link created successfully", createdPaymentLinkData),
      ...commonErrors,
      ...authErrors,
      409: error("Idempotency-Key reused with a different request"),
    },
  },
  {
    method: "get",
    path: "/api/payment-links/{slug}",
    operationId: "instanviGetPaymentLinkBySlug",
    summary: "Get a payment link by slug (public)",
    tag: TAG,
    security: null,
    pathParams: [slugParam],
    responses: {
      200: ok("Payment link found", publicPaymentLinkData),
      404: error("Payment link not found"),
      410: error("Paid, cancelled, expired, or all uses reserved (the message says which)"),
      429: commonErrors[429],
    },
  },
  {
    method: "post",
    path: "/api/payment-links/{slug}/redeem",
    operationId: "instanviRedeemPaymentLink",
    summary: "Redeem a payment link (public)",
    description:
      "Reserves one use atomically, opens a PENDING payment and asks the provider to collect from the phone number. If the provider refuses or is down, the use is released and the answer is 400 \"Payment initialization failed\".",
    tag: TAG,
    security: null,
    pathParams: [slugParam],
    headers: [idempotencyHeader],
    body: redeemPaymentLinkRequest,
    responses: {
      200: ok("Payment link redeemed successfully", redeemedPaymentLinkData),
      ...commonErrors,
      404: error("Payment link not found"),
      409: error("Idempotency-Key reused with a different request"),
      410: error("Paid, cancelled, expired, maximum uses reached, or no longer available"),
    },
  },
  {
    method: "get",
    path: "/api/payment-links",
    operationId: "instanviListPaymentLinks",
    summary: "List payment links",
    description: "Newest first. A link past its expiry is listed as EXPIRED.",
    tag: TAG,
    security: "instanviApiKey",
    query: listPaymentLinksQuery,
    responses: { 200: ok("Payment links retrieved", paymentLinkListData), ...commonErrors, ...authErrors },
  },
  {
    method: "get",
    path: "/api/payment-links/id/{id}",
    operationId: "instanviGetPaymentLinkById",
    summary: "Get a payment link by id",
    tag: TAG,
    security: "instanviApiKey",
    pathParams: [idParam],
    responses: {
      200: ok("Payment link retrieved", paymentLinkDetailData),
      ...authErrors,
      404: error("Payment link not found (also for another merchant's link)"),
      429: commonErrors[429],
    },
  },
  {
    method: "patch",
    path: "/api/payment-links/{id}",
    operationId: "instanviUpdatePaymentLink",
    summary: "Update a payment link",
    description: "Metadata is merged with the stored metadata. PAID and CANCELLED links cannot be updated.",
    tag: TAG,
    security: "instanviApiKey",
    pathParams: [idParam],
    body: updatePaymentLinkRequest,
    responses: {
      200: ok("Payment link updated successfully", updatedPaymentLinkData),
      ...commonErrors,
      ...authErrors,
      404: error("Payment link not found"),
    },
  },
  {
    method: "post",
    path: "/api/payment-links/{id}/cancel",
    operationId: "instanviCancelPaymentLink",
    summary: "Cancel a payment link",
    tag: TAG,
    security: "instanviApiKey",
    pathParams: [idParam],
    responses: {
      200: ok("Payment link cancelled successfully", cancelledPaymentLinkData),
      400: error("Cannot cancel a paid or already cancelled payment link"),
      ...authErrors,
      404: error("Payment link not found"),
      429: commonErrors[429],
    },
  },
];

export const instanviSurface: ApiSurface = {
  tag: {
    name: TAG,
    description:
      "The Instanvi Payment Links contract under /api, in its {status_code, status, message, data} envelope. Amounts are major units of the currency. Every response carries X-RateLimit-* headers (per API key, or per client IP on the public routes).",
  },
  securitySchemes: {
    instanviApiKey: { type: "apiKey", in: "header", name: "x-api-key", description: "`<key id>.<secret>` from the dashboard's Developers page" },
  },
  headers: {
    "X-RateLimit-Limit": { description: "Requests allowed in the current window", schema: { type: "integer" } },
    "X-RateLimit-Remaining": { description: "Requests left in the current window", schema: { type: "integer" } },
    "X-RateLimit-Reset": { description: "When the window resets, in Unix seconds", schema: { type: "integer" } },
  },
  operations,
};
