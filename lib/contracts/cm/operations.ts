/** The CM.com operations, declared once: they drive the routes, the OpenAPI document and the 405s. */
import { cm } from "./contract";
import {
  createPaymentLinkRequest,
  paymentLinkResponse,
  paymentLinkStatusResponse,
  tokenRequest,
  tokenResponse,
  updatePaymentLinkRequest,
} from "./schemas";

const ERRORS =
  'Errors are `{"errors": [{"code": "...", "message": "...", "field": "..."}]}`: `code` is the lower-case error kind (validation, not_found, invalid_state, ' +
  "unauthenticated, forbidden, conflict, rate_limited), `message` says what is wrong and `field`, when one field is to blame, names it as the document does " +
  "(every problem of a body is listed, one entry each).";
const BAD_REQUEST =
  "A field is missing, of the wrong type or out of range (each entry names it), an unknown field, malformed JSON, a wrong content type, a body too large or a malformed path";
const NOT_FOUND = "No payment link with this reference among yours: unknown, another merchant's, or not of the form pml-<uuid>";

const AUTH =
  "Send the token from POST /api/cm/auth/v1/token as `Authorization: Bearer <access_token>` (the bare `Authorization: <access_token>` is accepted too); " +
  "it is checked on every call and refused once expired.";

const REF = { ref: "The payment link's reference, `pml-<uuid>`, as returned in `ref`" };

const FIELDS =
  "`amount` is a JSON number in major units of `currency_code` (default EUR): 10, 10.5; an amount with more decimals than the currency has (10.005 EUR, 10.5 XAF) " +
  "is refused, never rounded. `merchant_reference` is required. `callback_url` must be http or https and not point into a private network; without one the " +
  "merchant's callback URL (dashboard Settings) is called, and the response shows null. `language_code` defaults to EN; the payment page is rendered in English " +
  "(EN) or French (FR), and for any other language in the visitor's browser language, else the merchant's default. `country_code` is stored (upper case); " +
  "null means the visitor's country. `expiry_date` cannot be in the past; without it the link does not expire. Dates are ISO 8601 with Z or an offset, and " +
  "are returned in UTC as `2022-02-22T22:00:00+00:00`. An empty string counts as not set. Unknown fields are a 400. A SANDBOX key creates SANDBOX links " +
  "(paid through the test providers), a LIVE key LIVE links. Each link can be paid once.";

const RESPONSE =
  "The response has every field of the document, in its order; optional fields that are not set are null. `ref` is `pml-<uuid>`; `uri` is the short URL " +
  "of the payment page (`/p/<code>`); `status` is \"paid\" once the payment has succeeded (money arrived), else \"open\" (also while a payment is pending); " +
  "`active` is false once deactivated (or when the link was cancelled in the dashboard).";

function createOperation<const P extends string>(path: P, operationId: string, summary: string, alias: boolean) {
  return cm.operation({
    method: "POST",
    path,
    operationId,
    summary,
    description:
      (alias ? "The same as POST /api/cm/paymentlink/v1.0, at the path some clients call. " : "") +
      `Creates a new payment link. ${FIELDS}\n\n${RESPONSE}\n\n${AUTH} ${ERRORS}`,
    headers: [
      {
        name: "Idempotency-Key",
        description: "Optional. A retry with the same key and body returns the first response without creating a second link; the same key with another body is a 409.",
      },
    ],
    body: { schema: createPaymentLinkRequest },
    idempotent: true,
    responses: { 201: { description: "Payment link created successfully", schema: paymentLinkResponse } },
    errors: { 400: BAD_REQUEST, 409: "Idempotency-Key reused with a different request" },
  });
}

function getOperation<const P extends string>(path: P, operationId: string, alias: boolean) {
  return cm.operation({
    method: "GET",
    path,
    operationId,
    summary: alias ? "Retrieve a payment link (v1.0 spelling)" : "Retrieve a payment link",
    description: `${alias ? "The same as GET /api/cm/paymentlink/v1/{ref}. " : ""}${RESPONSE}\n\n${AUTH} ${ERRORS}`,
    paramDocs: REF,
    responses: { 200: { description: "The payment link", schema: paymentLinkResponse } },
    errors: { 400: "A malformed path", 404: NOT_FOUND },
  });
}

function updateOperation<const P extends string>(path: P, operationId: string, alias: boolean) {
  return cm.operation({
    method: "PATCH",
    path,
    operationId,
    summary: alias ? "Update a payment link (v1.0 spelling)" : "Update a payment link",
    description:
      (alias ? "The same as PATCH /api/cm/paymentlink/v1/{ref}. " : "") +
      "Most often used to deactivate the payment link because payment is no longer needed or paid elsewhere: `{\"active\": false}`. A deactivated link " +
      "cannot be paid (its page says it was deactivated) until `{\"active\": true}` reactivates it; a paid or expired link cannot be reactivated (400 naming " +
      "`active`, unless the same request sets a future `expiry_date`). Deactivating is not cancelling: the link keeps its reference and can come back.\n\n" +
      "Every field of the create call may be sent and changed while the link is not paid; only the fields sent change; `null` clears an optional field " +
      "(a null `language_code` is EN). `amount` is read in `currency_code` when both are sent, else in the link's currency; a new `currency_code` " +
      "alone keeps the amount's value (10 EUR becomes 10 USD). A paid (or cancelled) link cannot be changed: 400 `invalid_state`. The changes are applied " +
      `together or not at all.\n\n${FIELDS}\n\n${RESPONSE}\n\n${AUTH} ${ERRORS}`,
    paramDocs: REF,
    body: { schema: updatePaymentLinkRequest },
    responses: { 200: { description: "Payment link successfully updated", schema: paymentLinkResponse } },
    errors: {
      400: `${BAD_REQUEST}; or the link is paid or cancelled, or \`active: true\` on an expired link (code invalid_state)`,
      404: NOT_FOUND,
    },
  });
}

function statusOperation<const P extends string>(path: P, operationId: string, alias: boolean) {
  return cm.operation({
    method: "GET",
    path,
    operationId,
    summary: alias ? "Retrieve the payment status of a payment link (v1.0 spelling)" : "Retrieve the payment status of a payment link",
    description:
      (alias ? "The same as GET /api/cm/paymentlink/v1/{ref}/status. " : "") +
      '`{"status": "paid"}` once the payment succeeded (the money arrived), else `{"status": "open"}`, also while a payment is still pending. ' +
      `This is what the callback (\`{"paymentlink_refs": [...]}\` POSTed to the callback URL when a link's status changes) asks the merchant to read.\n\n${AUTH} ${ERRORS}`,
    paramDocs: REF,
    responses: { 200: { description: "Status successfully retrieved", schema: paymentLinkStatusResponse } },
    errors: { 400: "A malformed path", 404: NOT_FOUND },
  });
}

export const requestToken = cm.operation({
  method: "POST",
  path: "/api/cm/auth/v1/token",
  operationId: "cmRequestToken",
  summary: "Request an OAuth 2.0 access token",
  description:
    "The client credentials grant. `client_id` is an API key id (`pk_...`) and `client_secret` its secret (`sk_...`), both from the dashboard's " +
    "Developers page. The parameters come as a form (application/x-www-form-urlencoded, as the document sends them) or as a JSON object; unknown " +
    'parameters are ignored. The answer is `{"access_token": "...", "token_type": "bearer", "expires_in": 86400}` (the lifetime is ' +
    "CM_TOKEN_TTL_SECONDS when set). The token carries the key's scopes: the payment-link calls need `payment_links` (a 403 otherwise). Revoking the " +
    "key revokes its tokens.\n\nBad or unknown credentials are a 401 `unauthenticated`; a missing parameter or another grant_type a 400 naming it. " +
    ERRORS,
  auth: "public",
  body: { schema: tokenRequest, format: "json-or-form" },
  responses: { 200: { description: "Authentication successful", schema: tokenResponse } },
  errors: {
    400: "A missing parameter, a grant_type other than client_credentials, or a body that is neither a form nor a JSON object (the entry names the field)",
    401: "Authentication failed: unknown client_id, wrong client_secret or revoked key",
    429: "Too many requests from this client address",
  },
});

export const createPaymentLink = createOperation("/api/cm/paymentlink/v1.0", "cmCreatePaymentLink", "Create a payment link", false);
export const createPaymentLinkV1 = createOperation("/api/cm/paymentlink/v1", "cmCreatePaymentLinkV1", "Create a payment link (v1 spelling)", true);

export const getPaymentLink = getOperation("/api/cm/paymentlink/v1/{ref}", "cmGetPaymentLink", false);
export const updatePaymentLink = updateOperation("/api/cm/paymentlink/v1/{ref}", "cmUpdatePaymentLink", false);
export const getPaymentLinkStatus = statusOperation("/api/cm/paymentlink/v1/{ref}/status", "cmGetPaymentLinkStatus", false);

export const getPaymentLinkV10 = getOperation("/api/cm/paymentlink/v1.0/{ref}", "cmGetPaymentLinkV10", true);
export const updatePaymentLinkV10 = updateOperation("/api/cm/paymentlink/v1.0/{ref}", "cmUpdatePaymentLinkV10", true);
export const getPaymentLinkStatusV10 = statusOperation("/api/cm/paymentlink/v1.0/{ref}/status", "cmGetPaymentLinkStatusV10", true);
