import { describe, expect, it } from "vitest";
import { transformMtnReason, transformMtnStatus } from "./transform";
import { MtnRequestToPayResultSchema } from "./types";

describe("transformMtnReason", () => {
  it.each([
    ["NOT_ENOUGH_FUNDS", "INSUFFICIENT_FUNDS"],
    ["APPROVAL_REJECTED", "PAYER_REJECTED"],
    ["EXPIRED", "TIMEOUT"],
    ["COULD_NOT_PERFORM_TRANSACTION", "TIMEOUT"],
    ["PAYER_NOT_FOUND", "PAYER_NOT_FOUND"],
    ["PAYER_LIMIT_REACHED", "LIMIT_REACHED"],
    ["INTERNAL_PROCESSING_ERROR", "PROVIDER_ERROR"],
    ["SERVICE_UNAVAILABLE", "PROVIDER_ERROR"],
    ["TRANSACTION_CANCELED", "UNKNOWN"],
    ["constructor", "UNKNOWN"],
    ["", "UNKNOWN"],
    [null, "UNKNOWN"],
    [undefined, "UNKNOWN"],
    [{ code: "NOT_ENOUGH_FUNDS", message: "Payer has insufficient balance" }, "INSUFFICIENT_FUNDS"],
    [{ code: "SOMETHING_NEW" }, "UNKNOWN"],
  ] as const)("%j -> %s", (reason, expected) => {
    expect(transformMtnReason(reason)).toBe(expected);
  });
});

describe("transformMtnStatus", () => {
  const parse = (body: unknown) => MtnRequestToPayResultSchema.parse(body);

  it("reads a PENDING status", () => {
    expect(transformMtnStatus(parse({ status: "PENDING", externalId: "o1", amount: "100", currency: "XAF" }))).toEqual({ status: "PENDING" });
  });

  it("keeps financialTransactionId of a SUCCESSFUL payment as the provider reference", () => {
    expect(transformMtnStatus(parse({ status: "SUCCESSFUL", financialTransactionId: "1234567890" }))).toEqual({
      status: "SUCCESSFUL",
      providerReference: "1234567890",
    });
  });

  it("reads a FAILED payment, with or without a transaction id", () => {
    expect(transformMtnStatus(parse({ status: "FAILED", reason: "APPROVAL_REJECTED" }))).toEqual({
      status: "FAILED",
      reason: "PAYER_REJECTED",
      providerReference: null,
    });
    expect(transformMtnStatus(parse({ status: "FAILED", reason: "EXPIRED", financialTransactionId: "42" }))).toEqual({
      status: "FAILED",
      reason: "TIMEOUT",
      providerReference: "42",
    });
  });

  it("refuses a status MTN does not document", () => {
    expect(MtnRequestToPayResultSchema.safeParse({ status: "ONGOING" }).success).toBe(false);
  });
});
