import { describe, expect, it } from "vitest";
import {
  formErrors,
  orderFormFieldOf,
  orderFormSchema,
  orderLinkFormSchema,
  orderPaymentFormSchema,
  toCreateOrderInput,
  toOrderLinkRequest,
  toPaymentAmountMinor,
  type OrderFormErrors,
} from "./order-form";

const PARENT = "0b6f3c1e-8a3d-4c55-9f0e-2d7b1a9c4e21";
const valid = { kind: "INVOICE", number: "2001", total: "120.50", currency: "EUR", description: " Facture mars ", parentOrderId: PARENT };

function errorsOf(values: Record<string, string>): OrderFormErrors {
  const parsed = orderFormSchema.safeParse({ ...valid, ...values });
  if (parsed.success) throw new Error(`expected errors for ${JSON.stringify(values)}`);
  return formErrors<OrderFormErrors>(parsed.error);
}

describe("orderFormSchema", () => {
  it("turns what a person typed into createOrder's input, the total in exact minor units", () => {
    const parsed = orderFormSchema.parse(valid);
    expect(toCreateOrderInput(parsed)).toEqual({
      kind: "INVOICE",
      number: 2001,
      totalMinor: 12050,
      currency: "EUR",
      description: "Facture mars",
      parentOrderId: PARENT,
    });
  });

  it.each([
    ["25000", "XAF", 25000],
    ["0.07", "EUR", 7],
    ["1.15", "EUR", 115],
    ["4.35", "EUR", 435],
    ["99999999.99", "EUR", 9999999999],
    [" 12.3 ", "USD", 1230],
    ["1.234", "KWD", 1234],
  ])("total %j %s -> %i minor units, never a rounded float", (total, currency, minor) => {
    expect(toCreateOrderInput(orderFormSchema.parse({ ...valid, total, currency })).totalMinor).toBe(minor);
  });

  it("leaves out an empty description and parent", () => {
    const input = toCreateOrderInput(orderFormSchema.parse({ ...valid, kind: "SALES_ORDER", description: "  ", parentOrderId: "" }));
    expect(input).toMatchObject({ kind: "SALES_ORDER", description: null, parentOrderId: null });
  });

  it.each([
    [{ total: "10.005" }, "total", /more than 2 decimal places, the precision of EUR/],
    [{ total: "10.5", currency: "XAF" }, "total", /^The total 10.5 has decimals, but XAF has no minor unit$/],
    [{ total: "10,50" }, "total", /^The total "10,50" is not a decimal number$/],
    [{ total: "0" }, "total", /^The total must be more than zero$/],
    [{ total: "-5" }, "total", /^The total must be more than zero$/],
    [{ total: "" }, "total", /^Enter the total$/],
    [{ total: "1e13", currency: "XAF" }, "total", /too large/],
    [{ currency: "ABC" }, "currency", /^Choose a currency$/],
    [{ number: "" }, "number", /^Enter the number$/],
    [{ number: "12a" }, "number", /^Enter a whole number of at least 1$/],
    [{ number: "0" }, "number", /^Enter a whole number of at least 1$/],
    [{ number: "1.5" }, "number", /^Enter a whole number of at least 1$/],
    [{ number: "99999999999999999" }, "number", /^The number is too large$/],
    [{ kind: "QUOTE" }, "kind", /^Choose a sales order or an invoice$/],
    [{ description: "x".repeat(501) }, "description", /at most 500 characters/],
    [{ parentOrderId: "1012" }, "parentOrderId", /^Choose a sales order from the list$/],
    [{ kind: "SALES_ORDER" }, "parentOrderId", /^Only an invoice belongs to a sales order$/],
  ] as const)("refuses %j, naming %s", (values, field, message) => {
    const errors = errorsOf(values);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it("names every bad field at once", () => {
    expect(Object.keys(errorsOf({ number: "x", total: "1.001", description: "y".repeat(600) })).sort()).toEqual(["description", "number", "total"]);
  });
});

describe("orderPaymentFormSchema", () => {
  it("converts the amount paid elsewhere exactly in the order's currency", () => {
    expect(toPaymentAmountMinor(orderPaymentFormSchema.parse({ amount: "40.10", currency: "EUR" }))).toBe(4010);
    expect(toPaymentAmountMinor(orderPaymentFormSchema.parse({ amount: "4000", currency: "XAF" }))).toBe(4000);
  });

  it.each([
    ["", /^Enter the amount paid$/],
    ["4000.5", /XAF has no minor unit/],
    ["abc", /is not a decimal number/],
    ["0", /must be more than zero/],
  ])("refuses %j beside the amount", (amount, message) => {
    const parsed = orderPaymentFormSchema.safeParse({ amount, currency: "XAF" });
    expect(parsed.success).toBe(false);
    expect(formErrors<Record<string, string>>(parsed.error!).amount).toMatch(message);
  });
});

describe("orderLinkFormSchema", () => {
  it("asks for the rest or a dynamic link without an amount, and an advance in exact minor units", () => {
    expect(toOrderLinkRequest(orderLinkFormSchema.parse({ kind: "rest", amount: "", mode: "SANDBOX", currency: "EUR" }))).toEqual({ kind: "rest", mode: "SANDBOX" });
    expect(toOrderLinkRequest(orderLinkFormSchema.parse({ kind: "dynamic", amount: "12", mode: "LIVE", currency: "EUR" }))).toEqual({ kind: "dynamic", mode: "LIVE" });
    expect(toOrderLinkRequest(orderLinkFormSchema.parse({ kind: "advance", amount: "30.5", mode: "SANDBOX", currency: "EUR" }))).toEqual({
      kind: "advance",
      amountMinor: 3050,
      mode: "SANDBOX",
    });
  });

  it.each([
    [{ kind: "advance", amount: "" }, "amount", /^Enter the amount of the advance$/],
    [{ kind: "advance", amount: "30.555" }, "amount", /more than 2 decimal places/],
    [{ kind: "half" }, "kind", /^Choose what the link asks for$/],
    [{ mode: "TEST" }, "mode", /^Choose sandbox or live$/],
  ])("refuses %j, naming %s", (values, field, message) => {
    const parsed = orderLinkFormSchema.safeParse({ kind: "rest", amount: "", mode: "SANDBOX", currency: "EUR", ...values });
    expect(parsed.success).toBe(false);
    expect(formErrors<Record<string, string>>(parsed.error!)[field]).toMatch(message);
  });
});

describe("orderFormFieldOf", () => {
  it("puts a service's error beside the form field it names, else on the whole form", () => {
    expect(orderFormFieldOf("order_number", ["number", "total"])).toBe("number");
    expect(orderFormFieldOf("parent_order_id", ["number", "parentOrderId"])).toBe("parentOrderId");
    expect(orderFormFieldOf("amount", ["amount"])).toBe("amount");
    expect(orderFormFieldOf("amount", ["number"])).toBe("form");
    expect(orderFormFieldOf(undefined, ["amount"])).toBe("form");
  });
});
