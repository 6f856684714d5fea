/** The Sylius operations, declared once: they drive the routes, the OpenAPI document and the 405s. */
import { CHANNEL, ORDER_STATE_TABLE_MARKDOWN, PAYMENT_METHODS, PAYMENT_STATE_TABLE_MARKDOWN } from "./catalog";
import { renderOAuthError, sylius } from "./contract";
import {
  channelSchema,
  oauthErrorSchema,
  orderSchema,
  paymentCollectionSchema,
  paymentMethodSchema,
  paymentSchema,
  paymentsQuery,
  tokenQuery,
  tokenRequest,
  tokenResponse,
} from "./schemas";
import { MAX_PAYMENTS_PAGE_SIZE } from "@/lib/services/payments/payment-sort";

const BAD_PATH = 'A malformed path (bad percent-encoding, a NUL): {"code": 400, "message": "..."}';

const CLIENTS =
  "How the OAuth parameters map to this product: `client_id` is an API key id (`pk_...`) and `client_secret` its secret (`sk_...`), " +
  "both from the dashboard's Developers page (a key id and secret are also what `x-api-key: <key id>.<secret>` carries); " +
  "`username` / `password` are a dashboard login (email and password) of the same merchant. " +
  "A token carries the scopes of its key: the Sylius endpoints need the `payments` scope (a 403 otherwise).";

const ORDER_DECISION =
  "**The order of a payment is its payment link.** A Sylius payment belongs to an order; here a payment is an attempt to pay a payment link, " +
  "the thing the customer checks out, so `_links.order` leads to `/api/v1/orders/{n}` where `n` is the link's own integer number. " +
  "That view has the link's amount as its `total` (and its one item), the link's payments as `payments`, and, when the link pays a sales order or an invoice, " +
  "that sales order or invoice number as its `number` (and in `notes`). A link with no order still has this view, numbered `000000021`-style from the link's number.";

const METHODS =
  "Payment methods are the mobile-money providers: " +
  PAYMENT_METHODS.map((m) => `\`${m.code}\` (id ${m.id}) is ${m.name} (${m.provider})`).join(", ") +
  ". The one channel is this product (`hostname` is the host of its public address).";

export const requestToken = sylius.operation({
  method: "POST",
  path: "/api/oauth/v2/token",
  operationId: "syliusRequestToken",
  summary: "Obtain an OAuth access token",
  description:
    "Sylius's OAuth 2.0 token endpoint, with the grants `password` (client_id, client_secret, username, password), `refresh_token` (refresh_token; " +
    "client_id and client_secret optional) and `client_credentials` (client_id, client_secret). The parameters come as a form " +
    "(application/x-www-form-urlencoded, what `curl -d` sends) or a JSON object; the client may also send its id and secret with HTTP Basic. " +
    "Unknown parameters are ignored. The answer is `{access_token, expires_in: 3600, token_type: \"bearer\", scope: null, refresh_token}`: the access " +
    "token is valid one hour; the refresh token 30 days and only once (each use hands out a new pair, every grant gets one). Send the access token as " +
    "`Authorization: Bearer <access_token>`.\n\n" +
    CLIENTS +
    "\n\nErrors are OAuth 2.0's (RFC 6749 §5.2): `invalid_request` (400, a missing parameter, named in error_description), " +
    "`unsupported_grant_type` (400), `invalid_grant` (400: wrong username or password, or an unknown, expired, used or foreign refresh token), " +
    "`invalid_client` (401: unknown client_id, wrong secret, revoked key).",
  auth: "public",
  body: { schema: tokenRequest, format: "json-or-form", optional: true },
  responses: { 200: { description: "The access and refresh tokens", schema: tokenResponse } },
  errors: {
    400: "invalid_request, unsupported_grant_type or invalid_grant (OAuth 2.0 error)",
    401: "invalid_client (OAuth 2.0 error)",
    429: "Too many requests from this client address (OAuth 2.0 error shape)",
  },
  renderError: renderOAuthError,
  errorSchema: oauthErrorSchema,
});

export const requestTokenByQuery = sylius.operation({
  method: "GET",
  path: "/api/oauth/v2/token",
  operationId: "syliusRequestTokenByQuery",
  summary: "Obtain an OAuth access token (parameters in the query string)",
  description: "The same as POST /api/oauth/v2/token, with the parameters in the query string, as older Sylius documentation shows it. " + CLIENTS,
  auth: "public",
  query: tokenQuery,
  responses: { 200: { description: "The access and refresh tokens", schema: tokenResponse } },
  errors: {
    400: "invalid_request, unsupported_grant_type or invalid_grant (OAuth 2.0 error)",
    401: "invalid_client (OAuth 2.0 error)",
    429: "Too many requests from this client address (OAuth 2.0 error shape)",
  },
  renderError: renderOAuthError,
  errorSchema: oauthErrorSchema,
});

export const getPayment = sylius.operation({
  method: "GET",
  path: "/api/v1/payments/{id}",
  operationId: "syliusGetPayment",
  summary: "Get a single payment",
  description:
    "One of the merchant's payments by its integer id. `amount` is in integer minor units of the payment's currency (the order's `currencyCode`; " +
    "XAF has no minor unit). Besides the documented fields, the payment method carries what Sylius 1.x servers also send: `position`, `createdAt`, " +
    "`updatedAt`, `enabled` and `translations`. Dates are written as Sylius writes them (`2026-11-25T10:31:19+0000`, UTC). Every `_links` href " +
    "answers with the same token: the payment, its payment method and its order.\n\n" +
    METHODS +
    "\n\n**Payment states.** Our payment statuses map to Sylius payment states in this one table (the first matching row wins); " +
    "`authorized`, `refunded`, `cart` and `unknown` are never sent (nothing here is authorized before capture or refunded):\n\n" +
    PAYMENT_STATE_TABLE_MARKDOWN +
    "\n\n" +
    ORDER_DECISION +
    "\n\nAnother merchant's payment, an unknown id and an id that is not a positive integer are all 404 `{\"code\": 404, \"message\": \"Payment not found\"}`.",
  paramDocs: { id: "Id of the requested payment (an integer)" },
  responses: { 200: { description: "The payment", schema: paymentSchema } },
  errors: { 400: BAD_PATH, 404: "Payment not found (also another merchant's)" },
});

const LIST_DESCRIPTION =
  "A page of the merchant's payments, oldest first unless sorted otherwise (`sorting[createdAt]` is ASC by default, as documented; ties are broken " +
  "by id). Several `sorting[...]` parameters apply in the order they are given; ASC and DESC are read in any case. " +
  `\`limit\` is at most ${MAX_PAYMENTS_PAGE_SIZE}. The items are in the collection's shape: the payment method without its channels. ` +
  "`_links` has `self`, `first` and `last`, `next` when there is a next page and `previous` after the first page; they keep `limit` and the sorting. " +
  "`pages` is at least 1; a page past the last answers 200 with no items. A bad `page`, `limit` or sorting (a value other than ASC/DESC, " +
  'a field other than amount, createdAt, updatedAt) is a 400 `{"code": 400, "message": "..."}` naming it. Unknown parameters are ignored. ' +
  "Payment states: see GET /api/v1/payments/{id}. Up to 10,000 payments, `total` and `pages` are exact; beyond, they were counted " +
  "at most a minute earlier, and where a page past the first 2,000 payments starts was decided by that count (a payment made " +
  "since may move one to the page before or after). Every page, deep or not, answers as fast as the first.";

export const listPayments = sylius.operation({
  method: "GET",
  path: "/api/v1/payments/",
  operationId: "syliusListPayments",
  summary: "Collection of payments",
  description: LIST_DESCRIPTION,
  query: paymentsQuery,
  responses: { 200: { description: "A page of payments", schema: paymentCollectionSchema } },
  errors: { 400: 'Bad page, limit or sorting: {"code": 400, "message": "..."}' },
});

/** The same collection without the trailing slash: it answers itself (no redirect). */
export const listPaymentsWithoutSlash = sylius.operation({
  ...listPayments.spec,
  path: "/api/v1/payments",
  operationId: "syliusListPaymentsWithoutSlash",
  summary: "Collection of payments (the same, without the trailing slash)",
  description: "Exactly GET /api/v1/payments/ (the documented path), also served without the trailing slash, with no redirect. " + LIST_DESCRIPTION,
});

export const getPaymentMethod = sylius.operation({
  method: "GET",
  path: "/api/v1/payment-methods/{code}",
  operationId: "syliusGetPaymentMethod",
  summary: "Get a single payment method",
  description: "A payment method by its code, as Sylius 1.x serves it (`_links.payment-method` of a payment leads here). " + METHODS,
  paramDocs: { code: `Code of the requested payment method: ${PAYMENT_METHODS.map((m) => m.code).join(" or ")}` },
  responses: { 200: { description: "The payment method", schema: paymentMethodSchema } },
  errors: { 400: BAD_PATH, 404: "No payment method has this code" },
});

export const getOrder = sylius.operation({
  method: "GET",
  path: "/api/v1/orders/{id}",
  operationId: "syliusGetOrder",
  summary: "Get the order of payments (a payment link)",
  description:
    "A read-only view, in the shape of Sylius's order, of the payment link that a payment's `_links.order` names. " +
    ORDER_DECISION +
    " `checkoutCompletedAt` is when the link was created (issued ready to pay), `tokenValue` is its public slug (`/pay/{tokenValue}`), " +
    "`localeCode` the language it speaks to the customer (`fr_CM`, `en_CM`). The states come from the link's status and from how many of its uses " +
    "were paid in money (a use held by a payment still pending is not paid):\n\n" +
    ORDER_STATE_TABLE_MARKDOWN +
    "\n\nAnother merchant's link and an unknown number are 404.",
  paramDocs: { id: "The payment link's number (from a payment's `_links.order`)" },
  responses: { 200: { description: "The order view of the link", schema: orderSchema } },
  errors: { 400: BAD_PATH, 404: 'No such link (also another merchant\'s): {"code": 404, "message": "Order not found"}' },
});

export const getChannel = sylius.operation({
  method: "GET",
  path: "/api/v1/channels/{code}",
  operationId: "syliusGetChannel",
  summary: "Get the channel",
  description: "The one channel, this product, that payment methods list (`_links.self` of a channel leads here).",
  paramDocs: { code: `Code of the channel: ${CHANNEL.code}` },
  responses: { 200: { description: "The channel", schema: channelSchema } },
  errors: { 400: BAD_PATH, 404: "No channel has this code" },
});
