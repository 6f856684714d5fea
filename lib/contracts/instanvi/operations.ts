/** The Instanvi operations, declared once: they drive the routes, the OpenAPI document and the 405s. */
import { instanvi } from "./contract";
import {
  cancelledPaymentLinkData,
  createdPaymentLinkData,
  createPaymentLinkRequest,
  envelopeOf,
  linkPaymentsData,
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
    'Reserves one use atomically, opens a PENDING payment and asks the provider to collect from the phone number. If the provider refuses or is down, the use is released and the answer is 400 "Payment initialization failed". ' +
    "The link reads PAID once every use is taken, before any money has arrived: the payment tells whether it did (PENDING until the payer approves, then SUCCESSFUL or FAILED; a FAILED payment releases its use). " +
    "A second redeem from the same phone_number while its payment is PENDING returns that payment instead of a new one. Redeems are limited per link and per phone number (429). " +
    "A LIVE link can be redeemed only through a provider configured for live payments (400 otherwise).",
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
  description:
    "Newest first. A link past its expiry is listed as EXPIRED. Up to 10,000 matching links, `pagination.total` and " +
    "`total_pages` are exact. Beyond, they were counted at most a minute earlier (as this document says, links may be cached " +
    "for 10 minutes): the items are read when asked for, but where a page past the first 2,000 links starts was decided by " +
    "that count, so a link created or deleted since may move a link to the page before or after, as between any two requests. " +
    "Every page, deep or not, answers as fast as the first.",
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

export const listLinkPayments = instanvi.operation({
  method: "GET",
  path: "/api/payment-links/id/{id}/payments",
  operationId: "instanviListLinkPayments",
  summary: "List a payment link's payments (an addition to the Instanvi document)",
  description:
    "Not in the Instanvi document, and changing none of its fields: every payment attempt on one of your links, newest first, so that an " +
    "integrator who polls can see money arrive. A payment is PENDING until the provider's final answer, SUCCESSFUL once the money has " +
    "arrived, FAILED otherwise (`failure_reason`). Webhooks (`payment.succeeded`) tell the same without polling.",
  paramDocs: id,
  responses: { 200: { description: "Payments retrieved", schema: envelopeOf(linkPaymentsData) } },
  errors: { 400: BAD_REQUEST, 404: "Payment link not found (also for another merchant's link)" },
});
