import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/domain/validation";
import { createOrderInputSchema, listOrdersInputSchema, orderAmountSchema, orderLinkInputSchema } from "./schemas";

function fieldOf(fn: () => unknown): { field?: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return { field: error.details.field, message: error.message };
    throw error;
  }
  throw new Error("expected a validation error");
}

const valid = { kind: "SALES_ORDER", orderNumber: 1012, total: 250000, currency: "eur" };

describe("createOrderInputSchema", () => {
  it("accepts an order and upper-cases its currency", () => {
    expect(parseOrThrow(createOrderInputSchema, valid)).toMatchObject({ kind: "SALES_ORDER", orderNumber: 1012, total: 250000, currency: "EUR" });
  });

  it.each([
    [{ kind: "QUOTE" }, "kind", "kind must be one of SALES_ORDER, INVOICE"],
    [{ orderNumber: 0 }, "order_number", "order_number must be a positive integer"],
    [{ orderNumber: 1.5 }, "order_number", "order_number must be a positive integer"],
    [{ orderNumber: "1012" }, "order_number", "order_number must be a positive integer"],
    [{ total: 0 }, "total", "total must be at least 1"],
    [{ total: 10.5 }, "total", "total must be a whole number of minor units"],
    [{ total: 1e15 }, "total", "total must be at most 999999999999 minor units"],
    [{ currency: "ABC" }, "currency", "currency must be an ISO 4217 currency code, such as XAF or EUR"],
    [{ parentOrderId: "x" }, "parent_order_id", "parent_order_id must be a UUID"],
  ])("%j names %s", (patch, field, message) => {
    expect(fieldOf(() => parseOrThrow(createOrderInputSchema, { ...valid, ...patch }))).toEqual({ field, message });
  });
});

describe("amounts, order links and lists", () => {
  it("names the amount", () => {
    expect(fieldOf(() => parseOrThrow(orderAmountSchema, { amount: 0 }))).toEqual({ field: "amount", message: "amount must be at least 1" });
    expect(fieldOf(() => parseOrThrow(orderAmountSchema, { amount: 2.5 })).field).toBe("amount");
  });

  it("knows the three kinds of order links and the two modes", () => {
    expect(parseOrThrow(orderLinkInputSchema, { kind: "dynamic", mode: "LIVE" })).toEqual({ kind: "dynamic", mode: "LIVE" });
    expect(fieldOf(() => parseOrThrow(orderLinkInputSchema, { kind: "all", mode: "LIVE" })).message).toBe("kind must be one of rest, advance, dynamic");
    expect(fieldOf(() => parseOrThrow(orderLinkInputSchema, { kind: "rest", mode: "TEST" })).field).toBe("mode");
  });

  it("pages like the links list", () => {
    expect(parseOrThrow(listOrdersInputSchema, {})).toEqual({ page: 1, limit: 20 });
    expect(fieldOf(() => parseOrThrow(listOrdersInputSchema, { limit: 201 })).field).toBe("limit");
    expect(fieldOf(() => parseOrThrow(listOrdersInputSchema, { kind: "X" })).field).toBe("kind");
  });
});
