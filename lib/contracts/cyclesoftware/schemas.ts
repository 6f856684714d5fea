/**
 * The CycleSoftware contract's wire format (contracts/cyclesoftware-payment-links.md), in zod:
 * the path's `:id`, the two GET parameters and the `{error, error_message, data}` answer. The
 * same schemas validate requests, type the shapers and generate the OpenAPI document.
 * Amounts are "cents": integer minor units of the order's currency (XAF has none, so 10000
 * cents of an XAF order are 10 000 XAF).
 */
import { z } from "zod";

/** The largest order or invoice number the domain holds exactly (a JavaScript number). */
export const MAX_ORDER_NUMBER = Number.MAX_SAFE_INTEGER;

const idParam = (what: string) => {
  const message = `id must be a positive integer: the ${what}`;
  return z.object({
    id: z
      .string({ error: message })
      .regex(/^\d+$/, message)
      .transform(Number)
      // z.int() holds safe integers only: beyond, the id cannot name an order.
      .pipe(z.int({ error: `id must be an integer between 1 and ${MAX_ORDER_NUMBER}: the ${what}` }).min(1, message)),
  });
};

export const orderIdParams = idParam("sales order id");
export const invoiceIdParams = idParam("invoice (sales transaction) number");

const CENTS_MESSAGE = "payment_amount_cents must be an integer number of cents";

/**
 * The format only: whether the amount fits the order (at least 1, at most its unpaid rest) is
 * the domain's rule, and its refusal names payment_amount_cents too.
 */
const paymentAmountCents = z
  .string({ error: CENTS_MESSAGE })
  .refine((value) => /^[+-]?\d+$/.test(value), CENTS_MESSAGE)
  .transform(Number)
  .pipe(z.int({ error: "payment_amount_cents is too large" }))
  .optional()
  .meta({
    // What the document calls it (a query string carries its digits).
    type: "integer",
    minimum: 1,
    description:
      "An advance payment: the link asks for this amount, in cents (minor units of the order's currency), from 1 up to the order's unpaid rest. " +
      "When given, dynamic_payment_amount is ignored.",
  });

const BOOL_MESSAGE = "dynamic_payment_amount must be true or false (or 1 or 0)";

/** `true`/`false`/`1`/`0`, in any case (PHP sends 1/0 for booleans, Python `True`). */
const dynamicPaymentAmount = z
  .string({ error: BOOL_MESSAGE })
  .refine((value) => /^(true|false|1|0)$/i.test(value), BOOL_MESSAGE)
  .transform((value) => value === "1" || value.toLowerCase() === "true")
  .optional()
  .meta({
    type: "boolean",
    description:
      "`true` (or `1`): the link's amount is whatever is still unpaid on the order or invoice when the customer pays. `false` (or `0`, the default): a fixed amount. " +
      "Ignored when payment_amount_cents is given.",
  });

/** GET parameters of the sales-order endpoint; unknown parameters are ignored. */
export const orderPaymentLinkQuery = z.object({
  payment_amount_cents: paymentAmountCents,
  dynamic_payment_amount: dynamicPaymentAmount,
});

/**
 * GET parameters of the invoice endpoint. The document makes payment_amount_cents "only
 * applicable for advance order payments": here it is accepted and ignored, whatever its value,
 * so an invoice link is always the unpaid rest (fixed or dynamic).
 */
export const invoicePaymentLinkQuery = z.object({
  payment_amount_cents: z
    .unknown()
    .optional()
    .transform(() => undefined)
    .meta({
      description:
        "Ignored on this endpoint: the document makes it applicable to advance order payments only. An invoice link asks for the unpaid rest (or, with dynamic_payment_amount, whatever is unpaid when the customer pays).",
    }),
  dynamic_payment_amount: dynamicPaymentAmount,
});

// ---- responses ----------------------------------------------------------------------------

const cents = (description: string, example: number) => z.int().meta({ description, examples: [example] });

export const paymentLinkData = z
  .strictObject({
    sales_order_id: z.int().nullable().meta({ description: "The sales order id (null for an invoice)", examples: [1012] }),
    sales_transaction_number: z.int().nullable().meta({ description: "The invoice (sales transaction) number (null for a sales order)", examples: [null] }),
    payment_url: z.url().meta({ description: "The payment portal's short URL, `<base URL>/p/<code>`", examples: ["https://pay.example.cm/p/xM4iatg"] }),
    total_amount_cents: cents("Total of the order or invoice, in cents", 250000),
    already_payed_cents: cents("What has already been paid on the order or invoice, in cents", 10000),
    payment_link_amount_cents: cents(
      "What the payment portal asks for, in cents; for a dynamic link, what is unpaid on the order or invoice now",
      10000,
    ),
    dynamic_payment_amount: z.boolean().meta({ description: "`true` if the amount to pay is whatever is unpaid on the order or invoice when the customer pays" }),
    qr_code: z
      .string()
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/)
      .meta({ description: "A QR code of payment_url as a PNG data URI", examples: ["data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA"] }),
  })
  .meta({ id: "CycleSoftwarePaymentLink" });

export const paymentLinkResponse = z
  .strictObject({
    error: z.literal(false),
    error_message: z.null(),
    data: paymentLinkData,
  })
  .meta({ id: "CycleSoftwarePaymentLinkResponse" });
