import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/domain/validation";
import { createLinkInputSchema, listLinksInputSchema, updateLinkInputSchema } from "./schemas";

function fieldOf(fn: () => unknown): { field?: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return { field: error.details.field, message: error.message };
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("createLinkInputSchema", () => {
  it("fills the documented defaults", () => {
    const parsed = parseOrThrow(createLinkInputSchema, { amountMinor: 10000 });
    expect(parsed).toMatchObject({ currency: "XAF", maxUses: 1, metadata: {}, type: "COLLECTION", mode: "SANDBOX", deliveryMethod: 0 });
  });

  it("upper-cases the currency and lower-cases the language", () => {
    const parsed = parseOrThrow(createLinkInputSchema, { amountMinor: 1, currency: "eur", language: "FR", country: "cm" });
    expect(parsed).toMatchObject({ currency: "EUR", language: "fr", country: "CM" });
  });

  it.each([
    [{}, "amount_minor"],
    [{ amountMinor: 0 }, "amount_minor"],
    [{ amountMinor: 1.5 }, "amount_minor"],
    [{ amountMinor: 1, currency: "ABC" }, "currency"],
    [{ amountMinor: 1, maxUses: 101 }, "max_uses"],
    [{ amountMinor: 1, maxUses: 0 }, "max_uses"],
    [{ amountMinor: 1, metadata: [1, 2] }, "metadata"],
    [{ amountMinor: 1, metadata: "x" }, "metadata"],
    [{ amountMinor: 1, provider: "MPESA" }, "provider"],
    [{ amountMinor: 1, type: "REFUND" }, "type"],
    [{ amountMinor: 1, mode: "TEST" }, "mode"],
    [{ amountMinor: 1, deliveryMethod: 4 }, "delivery_method"],
    [{ amountMinor: 1, expiresAt: new Date("nope") }, "expires_at"],
    [{ amountMinor: 1, customerEmail: "not-an-email" }, "customer_email"],
    [{ amountMinor: 1, callbackUrl: "ftp://example.com" }, "callback_url"],
    [{ amountMinor: 1, language: "french" }, "language"],
  ])("%j names %s", (input, field) => {
    expect(fieldOf(() => parseOrThrow(createLinkInputSchema, input)).field).toBe(field);
  });

  it("writes messages that name the field", () => {
    expect(fieldOf(() => parseOrThrow(createLinkInputSchema, { amountMinor: 0 })).message).toBe("amount must be at least 1");
    expect(fieldOf(() => parseOrThrow(createLinkInputSchema, { amountMinor: 1, provider: "X" })).message).toBe(
      "provider must be one of MTN_CAM, ORANGE_CAM",
    );
  });
});

describe("updateLinkInputSchema and listLinksInputSchema", () => {
  it("refuses an unknown status", () => {
    expect(fieldOf(() => parseOrThrow(updateLinkInputSchema, { status: "DONE" })).field).toBe("status");
  });
  it("defaults page 1 and limit 20, allows at most 200", () => {
    expect(parseOrThrow(listLinksInputSchema, {})).toMatchObject({ page: 1, limit: 20, sort: "created_at", order: "desc" });
    expect(fieldOf(() => parseOrThrow(listLinksInputSchema, { limit: 201 })).field).toBe("limit");
    expect(fieldOf(() => parseOrThrow(listLinksInputSchema, { page: 0 })).field).toBe("page");
  });
});
