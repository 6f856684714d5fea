/**
 * The dashboard's order forms, each validated with one schema in the browser (errors beside the
 * fields before any request) and again in the server action: create a sales order or invoice,
 * record a payment made elsewhere, create a payment link toward an order. Amounts are typed in
 * major units and converted to minor units exactly (lib/money's toMinorUnits).
 */
import { z } from "zod";
import { MODES } from "@/lib/domain/links/enums";
import type { OrderLinkRequest } from "@/lib/domain/orders/types";
import { ORDER_KINDS, ORDER_LINK_KINDS } from "@/lib/domain/orders/types";
import { MoneyFormatError, isKnownCurrency, toMinorUnits } from "@/lib/money";

export { LINK_FORM_CURRENCIES as ORDER_FORM_CURRENCIES } from "./link-form";

export const ORDER_KIND_LABELS = { SALES_ORDER: "Sales order", INVOICE: "Invoice" } as const;

const NUMBER_MESSAGE = "Enter a whole number of at least 1";

/** Adds an issue on `path` unless `amount` is an exact positive amount of `currency`. */
function checkAmount(amount: string, currency: string, path: string, label: string, ctx: z.RefinementCtx): void {
  if (!isKnownCurrency(currency)) return;
  try {
    if (toMinorUnits(amount, currency) < 1) ctx.addIssue({ code: "custom", path: [path], message: `${label} must be more than zero` });
  } catch (error) {
    const message = error instanceof MoneyFormatError ? error.message.replace(/^amount/, label) : `Enter a valid ${label.toLowerCase()}`;
    ctx.addIssue({ code: "custom", path: [path], message });
  }
}

const currencyField = z.string().refine(isKnownCurrency, "Choose a currency");

/* ------------------------------------------------------------------ create an order or invoice */

export const orderFormSchema = z
  .object({
    kind: z.enum(ORDER_KINDS, { error: "Choose a sales order or an invoice" }),
    number: z
      .string()
      .trim()
      .min(1, "Enter the number")
      .regex(/^\d+$/, NUMBER_MESSAGE)
      .refine((v) => Number(v) >= 1, NUMBER_MESSAGE)
      .refine((v) => Number.isSafeInteger(Number(v)), "The number is too large"),
    total: z.string().trim().min(1, "Enter the total"),
    currency: currencyField,
    description: z.string().trim().max(500, "Description must be at most 500 characters"),
    /** The sales order an invoice belongs to: "" for none. */
    parentOrderId: z.union([z.literal(""), z.uuid("Choose a sales order from the list")]),
  })
  .superRefine((form, ctx) => {
    checkAmount(form.total, form.currency, "total", "The total", ctx);
    if (form.kind === "SALES_ORDER" && form.parentOrderId) {
      ctx.addIssue({ code: "custom", path: ["parentOrderId"], message: "Only an invoice belongs to a sales order" });
    }
  });

export type OrderFormValues = z.input<typeof orderFormSchema>;
export type OrderFormErrors = Partial<Record<keyof OrderFormValues | "form", string>>;

/** A valid form -> createOrder's input. */
export function toCreateOrderInput(form: z.output<typeof orderFormSchema>) {
  return {
    kind: form.kind,
    number: Number(form.number),
    totalMinor: toMinorUnits(form.total, form.currency),
    currency: form.currency,
    description: form.description || null,
    parentOrderId: form.parentOrderId || null,
  };
}

/* ------------------------------------------------------------ record a payment made elsewhere */

/** `currency` is the order's: the browser knows it from the page, the server reads the order. */
export const orderPaymentFormSchema = z
  .object({
    amount: z.string().trim().min(1, "Enter the amount paid"),
    currency: currencyField,
  })
  .superRefine((form, ctx) => checkAmount(form.amount, form.currency, "amount", "The amount", ctx));

/** A valid form -> the amount in minor units. */
export function toPaymentAmountMinor(form: z.output<typeof orderPaymentFormSchema>): number {
  return toMinorUnits(form.amount, form.currency);
}

export type OrderPaymentFormValues = z.input<typeof orderPaymentFormSchema>;
export type OrderPaymentFormErrors = Partial<Record<"amount" | "form", string>>;

/* ------------------------------------------------------------------- create a link of an order */

export const orderLinkFormSchema = z
  .object({
    kind: z.enum(ORDER_LINK_KINDS, { error: "Choose what the link asks for" }),
    /** Only read for an advance. */
    amount: z.string().trim(),
    mode: z.enum(MODES, { error: "Choose sandbox or live" }),
    currency: currencyField,
  })
  .superRefine((form, ctx) => {
    if (form.kind !== "advance") return;
    if (!form.amount) ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter the amount of the advance" });
    else checkAmount(form.amount, form.currency, "amount", "The amount", ctx);
  });

export type OrderLinkFormValues = z.input<typeof orderLinkFormSchema>;
export type OrderLinkFormErrors = Partial<Record<"kind" | "amount" | "mode" | "form", string>>;

/** A valid form -> createOrderLink's request. */
export function toOrderLinkRequest(form: z.output<typeof orderLinkFormSchema>): OrderLinkRequest {
  return {
    kind: form.kind,
    ...(form.kind === "advance" ? { amountMinor: toMinorUnits(form.amount, form.currency) } : {}),
    mode: form.mode,
  };
}

/* ------------------------------------------------------------------------------------ errors */

/** The first message of each field (the whole form's under `form`). */
export function formErrors<E extends Record<string, string | undefined>>(error: z.ZodError): E {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors as E;
}

/** The domain names fields as the APIs do (snake_case); the forms as their inputs. */
const FORM_FIELD: Record<string, string> = {
  kind: "kind",
  order_number: "number",
  total: "total",
  currency: "currency",
  description: "description",
  parent_order_id: "parentOrderId",
  amount: "amount",
  mode: "mode",
};

/** The form field a domain error names, if the form has it; else the whole form. */
export function orderFormFieldOf<K extends string>(domainField: string | undefined, fields: readonly K[]): K | "form" {
  const field = domainField ? FORM_FIELD[domainField] : undefined;
  return field && (fields as readonly string[]).includes(field) ? (field as K) : "form";
}
