/**
 * The domain's input rules for orders and their links. Keys are chosen so that a refused field
 * is named the way the APIs spell it (order_number, total, amount, parent_order_id); the
 * services map their arguments onto these shapes.
 */
import { z } from "zod";
import { MODES } from "@/lib/domain/links/enums";
import { amountMinorSchema, currencySchema } from "@/lib/domain/links/schemas";
import { MAX_AMOUNT_MINOR } from "@/lib/money";
import { ORDER_KINDS, ORDER_LINK_KINDS } from "./types";

const oneOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });

export const orderKindSchema = oneOf("kind", ORDER_KINDS);

export const orderNumberSchema = z
  .int({ error: "order_number must be a positive integer" })
  .min(1, "order_number must be a positive integer");

export const createOrderInputSchema = z.object({
  kind: orderKindSchema,
  orderNumber: orderNumberSchema,
  total: z
    .int({ error: "total must be a whole number of minor units" })
    .min(1, "total must be at least 1")
    .max(MAX_AMOUNT_MINOR, `total must be at most ${MAX_AMOUNT_MINOR} minor units`),
  currency: currencySchema,
  description: z.string({ error: "description must be a string" }).trim().max(500, "description must be at most 500 characters").nullish(),
  parentOrderId: z.uuid({ error: "parent_order_id must be a UUID" }).nullish(),
});

/** An amount paid toward an order (field `amount`, at least 1; the upper limit is the unpaid rest). */
export const orderAmountSchema = z.object({ amount: amountMinorSchema });

export const orderLinkInputSchema = z.object({
  kind: oneOf("kind", ORDER_LINK_KINDS),
  amount: amountMinorSchema.optional(),
  mode: oneOf("mode", MODES),
});

export const listOrdersInputSchema = z.object({
  kind: orderKindSchema.optional(),
  page: z.int({ error: "page must be a positive integer" }).min(1, "page must be a positive integer").default(1),
  limit: z
    .int({ error: "limit must be an integer between 1 and 200" })
    .min(1, "limit must be an integer between 1 and 200")
    .max(200, "limit must be an integer between 1 and 200")
    .default(20),
});
