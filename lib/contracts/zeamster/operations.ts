/** The Zeamster operations, declared once: they drive the routes, the OpenAPI document and the 405s. */
import { zeamster } from "./contract";
import {
  createPaylinkRequest,
  DEFAULT_PAGE_SIZE,
  EXPANDS,
  MAX_PAGE_SIZE,
  paylinkQuery,
  paylinkResponse,
  paylinksQuery,
  paylinksResponse,
  SORTABLE,
  updatePaylinkRequest,
} from "./schemas";

const NOT_FOUND = 'No such paylink: unknown, another merchant\'s, or deleted: {"type": "Error", "status": 404, "message": "Paylink not found"}';
const INVALID =
  'Validation failed: every bad field is named under `errors` with its messages, e.g. {"type": "Error", "status": 422, "message": "Invalid fields: email, cell_phone", ' +
  '"errors": {"email": ["email must be an email address"], "cell_phone": ["cell_phone must be 6 to 10 digits ..."]}}. Also a malformed JSON body or path, ' +
  "an unknown field, and a refused change (see the operation).";

const ID = {
  id: "The paylink's id, or its paylink_api_id (your own id for it): every path that takes an id takes either; the id wins when a value could be both.",
};

const EXPAND_DECISIONS =
  `\`expand\` (comma-separated: ${EXPANDS.join(", ")}) adds each related record under its name. There is no contact book, user directory, ` +
  "location list, tags or blacklists here, so each is what this product knows: `contact` is the paylink's contact_id with its email and cell_phone " +
  "(names null), or null without a contact_id; `created_user` is the API key (id = the key id, what `user-id` carries; username = the key's name; " +
  "api_only true) or the dashboard user (id, email, name; api_only false) that created it, or null for demo data; `location` is the paylink's " +
  "location_id with the merchant's business name (the merchant is its one location); `tags` is always []; `email_blacklist` and " +
  "`sms_blacklist` are always null (nothing is blacklisted); `payment_url` is the absolute `/paylink?id={id}` URL that opens the pay page.";

const PAYLINK_DECISIONS =
  "**Fields.** `id` is a UUID (36 characters, inside the document's 24 to 36; `/paylink?id={id}` opens the pay page, as the document says). " +
  "`amount_due` is a decimal(10,2) string, exact (`\"5000.00\"`). **Currency:** the document has none; a paylink is in the merchant's default " +
  "currency (dashboard Settings; XAF unless changed), or in `currency`, a field this product adds (ISO 4217; answered in every paylink). " +
  "XAF has no cents: `99999999.99` in XAF is refused with a 422 naming amount_due; send whole amounts (`5000` or `\"5000.00\"`), or another currency. " +
  "`status_id` is 1 only when the money arrived (a payment still pending is not paid). `active` 0 deactivates the paylink (it cannot be paid " +
  "until set back to 1). `expire_date` is the last day it can be paid (it expires at the end of that day, UTC). `created_ts`/`modified_ts` are unix " +
  "seconds. `created_user_id`/`modified_user_id` are the API key id (the `user-id` header) or dashboard user id that created it / changed it last. " +
  "`location_id` defaults to the merchant's id; `cc_product_transaction_id`, `ach_product_transaction_id`, `contact_id` and the two display flags are " +
  "stored and answered as given (mobile money is the only way to pay here). `contact_api_id` is stored as the contact and answered as `contact_id`. " +
  "`paylink_api_id` is unique per merchant and usable in place of the id in every path.\n\n" +
  "**Requests.** Bodies are `{\"paylink\": {...}}`. The fields a GET answers that cannot be written (id, status_id, created_ts, modified_ts, " +
  "created_user_id, modified_user_id, _links and expanded records) are accepted and ignored, so a paylink read can be sent back; any other unknown " +
  "field is a 422 naming it. Booleans are 0 or 1 (true/false also read).\n\n" +
  EXPAND_DECISIONS;

const expandOnly = { query: paylinkQuery };

export const createPaylink = zeamster.operation({
  method: "POST",
  path: "/api/zeamster/v2/paylinks",
  operationId: "zeamsterCreatePaylink",
  summary: "Create Paylink",
  description:
    "Creates a paylink (201). `amount_due` is required. When it has a delivery method (1 email, 2 SMS, 3 both; inferred from the recipients " +
    "when left out) the paylink is sent to `email` and/or `cell_phone` with its `/paylink?id={id}` link, through the outbox (a failed delivery never fails " +
    "the request). `expire_date` cannot be in the past. An `Idempotency-Key` header makes a retry return the first answer.\n\n" +
    PAYLINK_DECISIONS,
  ...expandOnly,
  headers: [{ name: "Idempotency-Key", description: "Optional. A retry with the same key and body returns the first answer; another body is a 409. Kept 24 hours per API key." }],
  body: { schema: createPaylinkRequest },
  idempotent: true,
  responses: { 201: { description: "The paylink", schema: paylinkResponse } },
  errors: { 409: "Idempotency-Key reused with another body", 422: INVALID },
});

export const listPaylinks = zeamster.operation({
  method: "GET",
  path: "/api/zeamster/v2/paylinks",
  operationId: "zeamsterListPaylinks",
  summary: "View Record List",
  description:
    "The merchant's paylinks (deleted ones never appear), newest first unless `sort` says otherwise. Every documented field is a filter " +
    "(`?status_id=0&email=jones@emailr.com`): an exact match (email without regard to case; amount_due in each paylink's currency; created_ts and " +
    "modified_ts the second; contact_api_id the same as contact_id); an empty value is no filter; an unknown parameter is a 422 naming it. " +
    `\`sort\`: a field (${SORTABLE.join(", ")}), \`-\` before it for descending, several comma-separated; \`meta.sort.attributes\` says what applied. ` +
    `\`page\` from 1, \`page_size\` ${DEFAULT_PAGE_SIZE} by default and at most ${MAX_PAGE_SIZE} (more is read as ${MAX_PAGE_SIZE}; \`perPage\` says what applied). ` +
    "`meta.pagination.links` are absolute and keep the query: `self` always, `first` and `last` when there is a page, `prev` after the first, " +
    "`next` before the last. `currentPage` is zero-based, as the document's example shows (page=1 is currentPage 0); `pageCount` is 0 when nothing matches. " +
    "A page past the last is an empty list.\n\n" +
    PAYLINK_DECISIONS,
  query: paylinksQuery,
  responses: { 200: { description: "A page of paylinks", schema: paylinksResponse } },
  errors: { 422: "A bad filter, page, page_size, sort or expand value, or an unknown parameter (each named)" },
});

export const getPaylink = zeamster.operation({
  method: "GET",
  path: "/api/zeamster/v2/paylinks/{id}",
  operationId: "zeamsterGetPaylink",
  summary: "View Single Record",
  description: PAYLINK_DECISIONS,
  paramDocs: ID,
  ...expandOnly,
  responses: { 200: { description: "The paylink", schema: paylinkResponse } },
  errors: { 404: NOT_FOUND, 422: "An unknown query parameter or expand name" },
});

export const updatePaylink = zeamster.operation({
  method: "PUT",
  path: "/api/zeamster/v2/paylinks/{id}",
  operationId: "zeamsterUpdatePaylink",
  summary: "Update Paylink",
  description:
    "Changes the fields sent (the others stay; null clears a field that may be empty). Refused (422) once the paylink is paid or closed " +
    "(cancelled, or deleted: 404). amount_due, cc_product_transaction_id and ach_product_transaction_id can change only while no payment has been made " +
    "on it; `currency` cannot change. A new expire_date cannot be in the past (the stored one may be sent back as is). The delivery method must keep its " +
    "recipient (email for 1 and 3, cell_phone for 2 and 3). `active` 1 cannot reopen an expired paylink (send a new expire_date with it). " +
    "Changing email or cell_phone does not send the paylink: use resend.\n\n" +
    PAYLINK_DECISIONS,
  paramDocs: ID,
  ...expandOnly,
  body: { schema: updatePaylinkRequest },
  responses: { 200: { description: "The paylink", schema: paylinkResponse } },
  errors: { 404: NOT_FOUND, 422: `${INVALID} A paid or closed paylink: {"type": "Error", "status": 422, "message": "Cannot update a paid or cancelled paylink"}.` },
});

export const deletePaylink = zeamster.operation({
  method: "DELETE",
  path: "/api/zeamster/v2/paylinks/{id}",
  operationId: "zeamsterDeletePaylink",
  summary: "Delete Record",
  description:
    "204 with no body. The paylink disappears from this API (404 from then on, in lists too) and can no longer be paid (it is cancelled and " +
    "deactivated); nothing is erased: its payments stay in the merchant's history and the dashboard still shows it. Its paylink_api_id stays taken.",
  paramDocs: ID,
  responses: { 204: { description: "Success, Paylink was deleted (no body)" } },
  errors: { 404: NOT_FOUND },
});

export const resendPaylink = zeamster.operation({
  method: "POST",
  path: "/api/zeamster/v2/paylinks/{id}/resend",
  operationId: "zeamsterResendPaylink",
  summary: "Resend Notification Email / SMS Notification",
  description:
    "204 with no body: the paylink's email and/or SMS (as its delivery_method says) are written to the outbox again and sent by the worker. " +
    "No body is needed (one sent is ignored, as on GET and DELETE). 422 when there is nothing to send (delivery_method 0, or no address for it) or when " +
    "the paylink cannot be paid now (paid, cancelled, expired, deactivated).",
  paramDocs: ID,
  responses: { 204: { description: "Success, Paylink Notification email was sent (no body)" } },
  errors: { 404: NOT_FOUND, 422: "Nothing to send, or the paylink cannot be paid now" },
});
