import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertAmountWithinRest, orderBalance, orderLabel, orderLinkAmount, orderLinkGoneReason, planOrderLink } from "./balance";

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("orderBalance", () => {
  it("counts paid elsewhere plus successful payments as paid, and pending ones as reserved", () => {
    expect(orderBalance({ totalMinor: 250000, paidElsewhereMinor: 10000 }, { successfulMinor: 40000, pendingMinor: 0 })).toEqual({
      paidMinor: 50000,
      pendingMinor: 0,
      unpaidMinor: 200000,
    });
    expect(orderBalance({ totalMinor: 250000, paidElsewhereMinor: 10000 }, { successfulMinor: 40000, pendingMinor: 25000 })).toEqual({
      paidMinor: 50000,
      pendingMinor: 25000,
      unpaidMinor: 175000,
    });
  });

  it("never reads a negative rest, even after an over-collection", () => {
    expect(orderBalance({ totalMinor: 100, paidElsewhereMinor: 0 }, { successfulMinor: 150, pendingMinor: 0 }).unpaidMinor).toBe(0);
    expect(orderBalance({ totalMinor: 100, paidElsewhereMinor: 60 }, { successfulMinor: 0, pendingMinor: 60 }).unpaidMinor).toBe(0);
  });
});

describe("links of an order", () => {
  const fixed = { dynamicAmount: false, amountMinor: 30000 };
  const dynamic = { dynamicAmount: true, amountMinor: 90000 };

  it("charges a dynamic link the rest at that moment and a fixed link its amount", () => {
    expect(orderLinkAmount(dynamic, 42000)).toBe(42000);
    expect(orderLinkAmount(fixed, 42000)).toBe(30000);
  });

  it.each([
    [fixed, 30000, null],
    [fixed, 29999, "UNAVAILABLE"],
    [fixed, 0, "PAID"],
    [dynamic, 1, null],
    [dynamic, 0, "PAID"],
  ] as const)("%j with %i unpaid -> %s", (link, unpaid, reason) => {
    expect(orderLinkGoneReason(link, unpaid)).toBe(reason);
  });
});

describe("planOrderLink", () => {
  it("asks for exactly the rest, a part of it, or whatever is unpaid when redeemed", () => {
    expect(planOrderLink({ kind: "rest", amountMinor: 5 }, 240000)).toEqual({ dynamicAmount: false, amountMinor: 240000 });
    expect(planOrderLink({ kind: "advance", amountMinor: 10000 }, 240000)).toEqual({ dynamicAmount: false, amountMinor: 10000 });
    expect(planOrderLink({ kind: "advance", amountMinor: 240000 }, 240000)).toEqual({ dynamicAmount: false, amountMinor: 240000 });
    expect(planOrderLink({ kind: "dynamic" }, 240000)).toEqual({ dynamicAmount: true, amountMinor: 240000 });
  });

  it("refuses an advance above the rest, naming the limit, and one without an amount", () => {
    const above = caught(() => planOrderLink({ kind: "advance", amountMinor: 240001 }, 240000));
    expect(above).toMatchObject({ code: "VALIDATION", message: "amount must be at most 240000 (the unpaid rest)", details: { field: "amount" } });
    expect(caught(() => planOrderLink({ kind: "advance" }, 240000)).details.field).toBe("amount");
  });

  it("gives no new link for an order with nothing left to pay", () => {
    for (const kind of ["rest", "advance", "dynamic"] as const) {
      expect(caught(() => planOrderLink({ kind, amountMinor: 1 }, 0))).toMatchObject({ code: "GONE", details: { reason: "PAID" } });
    }
  });
});

describe("assertAmountWithinRest and orderLabel", () => {
  it("allows up to the rest and names it above", () => {
    expect(() => assertAmountWithinRest(500, 500)).not.toThrow();
    expect(caught(() => assertAmountWithinRest(501, 500)).message).toBe("amount must be at most 500 (the unpaid rest)");
    expect(caught(() => assertAmountWithinRest(1, 0)).message).toMatch(/at most 0 \(the unpaid rest\)/);
  });

  it("names orders the way people do", () => {
    expect(orderLabel("SALES_ORDER", 1012)).toBe("Sales order 1012");
    expect(orderLabel("INVOICE", 2001)).toBe("Invoice 2001");
  });
});
