/** The Instanvi operations, declared once: they drive the routes, the OpenAPI document and the 405s. */
import { instanvi } from "./contract";
import {
  cancelledPaymentLinkData,
  createdPaymentLinkData,
  createPaymentLinkRequest,
  envelopeOf,
  listPaymentLinksQuery,
  paymentLinkDetailData,
  paymentLinkListData,
  publicPaymentLinkData,
  redeemedPaymentLinkData,
  redeemPaymentLinkRequest,
  updatedPaymentLinkData,
  updatePaymentLinkRequest,
} from "./schemas";

const BAD_REQUEST = "Validation error: the message names the field or the problem (malformed JSON, wrong content type, unknown field, body too large, bad path)";
const idempotencyHeader = {
  name: "Idempotency-Key",
  description:
    "Optional. A retry with the same key and body returns the first response without a second effect; the same key with another body is a 409. Keys are kept 24 hours, per API key (per link for the public redeem).",
};
const slug = { slug: "The payment link slug, e.g. pay_abc123xyz" };
const id = { id: "The payment link UUID" };

export const createPaymentLink = instanvi.operation({
  method: "POST",
  path: "/api/payment-links/create",
  operationId: "instanviCreatePaymentLink",
  summary: "Create a payment link",
  description: "Links created with a SANDBOX key are SANDBOX links; with a LIVE key, LIVE links.",
  headers: [idempotencyHeader],
  body: { schema: createPaymentLinkRequest },
  idempotent: true,
  responses: { 200: { description: "Payment link created successfully", schema: envelopeOf(createdPaymentLinkData) } },
  errors: { 400: BAD_REQUEST, 409: "Idempotency-Key reused with a different request" },
});

export const getPaymentLinkBySlug = instanvi.operation({
  method: "GET",
  path: "/api/payment-links/{slug}",
  operationId: "instanviGetPaymentLinkBySlug",
  summary: "Get a payment link by slug (public)",
  auth: "public",
  paramDocs: slug,
  responses: { 200: { description: "Payment link found", schema: envelopeOf(publicPaymentLinkData) } },
  errors: { 400: BAD_REQUEST, 404: "Payment link not found", 410: "Paid, cancelled, expired, or all uses reserved (the message says which)" },
});

export const redeemPaymentLink = instanvi.operation({
  method: "POST",
  path: "/api/payment-links/{slug}/redeem",
  operationId: "instanviRedeemPaymentLink",
  summary: "Redeem a payment link (public)",
  description:
    'Reserves one use atomically, opens a PENDING payment and asks the provider to collect from the phone number. If the provider refuses or is down, the use is released and the answer is 400 "Payment initialization failed".',
  auth: "public",
  paramDocs: slug,
  headers: [idempotencyHeader],
  body: { schema: redeemPaymentLinkRequest },
  idempotent: true,
  responses: { 200: { description: "Payment link redeemed successfully", schema: envelopeOf(redeemedPaymentLinkData) } },
  errors: {
    400: BAD_REQUEST,
    404: "Payment link not found",
    409: "Idempotency-Key reused with a different request",
    410: "Paid, cancelled, expired, maximum uses reached, or no longer available",
  },
});

export const listPaymentLinks = instanvi.operation({
  method: "GET",
  path: "/api/payment-links",
  operationId: "instanviListPaymentLinks",
  summary: "List payment links",
  description: "Newest first. A link past its expiry is listed as EXPIRED.",
  query: listPaymentLinksQuery,
  responses: { 200: { description: "Payment links retrieved", schema: envelopeOf(paymentLinkListData) } },
  errors: { 400: BAD_REQUEST },
});

export const getPaymentLinkById = instanvi.operation({
  method: "GET",
  path: "/api/payment-links/id/{id}",
  operationId: "instanviGetPaymentLinkById",
  summary: "Get a payment link by id",
  paramDocs: id,
  responses: { 200: { description: "Payment link retrieved", schema: envelopeOf(paymentLinkDetailData) } },
  errors: { 400: BAD_REQUEST, 404: "Payment link not found (also for another merchant's link)" },
});

export const updatePaymentLink = instanvi.operation({
  method: "PATCH",
  path: "/api/payment-links/{id}",
  operationId: "instanviUpdatePaymentLink",
  summary: "Update a payment link",
  description: "Metadata is merged with the stored metadata. PAID and CANCELLED links cannot be updated.",
  paramDocs: id,
  body: { schema: updatePaymentLinkRequest },
  responses: { 200: { description: "Payment link updated successfully", schema: envelopeOf(updatedPaymentLinkData) } },
  errors: { 400: BAD_REQUEST, 404: "Payment link not found" },
});

export const cancelPaymentLink = instanvi.operation({
  method: "POST",
  path: "/api/payment-links/{id}/cancel",
  operationId: "instanviCancelPaymentLink",
  summary: "Cancel a payment link",
  paramDocs: id,
  responses: { 200: { description: "Payment link cancelled successfully", schema: envelopeOf(cancelledPaymentLinkData) } },
  errors: { 400: "Cannot cancel a paid or already cancelled payment link", 404: "Payment link not found" },
});
