/** The CycleSoftware operations, declared once: they drive the routes, the OpenAPI document and the 405s. */
import { cycleSoftware } from "./contract";
import { invoiceIdParams, invoicePaymentLinkQuery, orderIdParams, orderPaymentLinkQuery, paymentLinkResponse } from "./schemas";


const COMMON =
  "Amounts are cents: integer minor units of the order's currency (XAF has no minor unit, so 10000 cents of an XAF order are 10 000 XAF). " +
  "`payment_url` is the payment portal's short URL (`/p/<code>`, which leads to the pay page) and `qr_code` a QR code of it as a PNG data URI. " +
  "Asking again with the same parameters while that link is still open returns the same link, so a retry never makes a second one. " +
  "`dynamic_payment_amount` takes `true`/`false` or `1`/`0` (any case), and another value is a 400 even where the parameter is ignored; GET parameters the document does not name are ignored. " +
  "A SANDBOX key makes SANDBOX links (paid through the test providers), a LIVE key LIVE links. " +
  "Every answer, errors included, carries the X-RateLimit-* headers; errors are `{\"error\": true, \"error_message\": \"...\"}` with the status below.";

export const getOrderPaymentLink = cycleSoftware.operation({
  method: "GET",
  path: "/api/v1/payments/order/{id}/payment-link.json",
  operationId: "cycleSoftwareGetOrderPaymentLink",
  summary: "Payment link for a sales order",
  description:
    "A payment link for one of your sales orders. With `payment_amount_cents`: an advance payment of that amount (1 up to the order's unpaid rest; `dynamic_payment_amount` is then ignored). " +
    "Else with `dynamic_payment_amount=true`: a link that asks for whatever is unpaid when the customer pays. Else: a link for the unpaid rest now. " +
    COMMON,
  params: orderIdParams,
  paramDocs: { id: "Sales order id (integer)" },
  query: orderPaymentLinkQuery,
  responses: { 200: { description: "The payment link of the sales order", schema: paymentLinkResponse } },
  errors: {
    400:
      "The id is not a positive integer, payment_amount_cents is not an integer or is outside 1 to the unpaid rest, dynamic_payment_amount is not true/false/1/0, or the order is already paid in full (the message says which)",
    404: "No sales order with this id among yours (another merchant's orders are not found either)",
  },
});

export const getInvoicePaymentLink = cycleSoftware.operation({
  method: "GET",
  path: "/api/v1/payments/invoice/{id}/payment-link.json",
  operationId: "cycleSoftwareGetInvoicePaymentLink",
  summary: "Payment link for an invoice",
  description:
    "A payment link for one of your invoices (sales transactions). `payment_amount_cents` is ignored here: the document makes it applicable to advance order payments only, so an invoice link always asks for the unpaid rest. " +
    "With `dynamic_payment_amount=true` the link asks for whatever is unpaid when the customer pays; else for the unpaid rest now. " +
    COMMON,
  params: invoiceIdParams,
  paramDocs: { id: "Invoice (sales transaction) number (integer)" },
  query: invoicePaymentLinkQuery,
  responses: { 200: { description: "The payment link of the invoice", schema: paymentLinkResponse } },
  errors: {
    400: "The id is not a positive integer, dynamic_payment_amount is not true/false/1/0, or the invoice is already paid in full (the message says which)",
    404: "No invoice with this number among yours (another merchant's invoices are not found either)",
  },
});
