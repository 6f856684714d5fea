import { describe, expect, it } from "vitest";
import { transformOrangeStatus } from "./transform";
import { OrangeTransactionStatusSchema } from "./types";

describe("transformOrangeStatus", () => {
  it.each([
    [{ status: "INITIATED", order_id: "o1" }, { status: "PENDING" }],
    [{ status: "PENDING", order_id: "o1", txnid: "MP1" }, { status: "PENDING" }],
    [{ status: "SUCCESS", order_id: "o1", txnid: "MP1" }, { status: "SUCCESSFUL", providerReference: "MP1" }],
    [{ status: "SUCCESS", order_id: "o1" }, { status: "SUCCESSFUL", providerReference: null }],
    [{ status: "FAILED", txnid: "MP1", reason: "INSUFFICIENT_BALANCE" }, { status: "FAILED", reason: "INSUFFICIENT_FUNDS", providerReference: "MP1" }],
    [{ status: "FAILED", reason: "CANCELLED_BY_PAYER" }, { status: "FAILED", reason: "PAYER_REJECTED", providerReference: null }],
    [{ status: "FAILED", reason: "SOMETHING_ELSE" }, { status: "FAILED", reason: "UNKNOWN", providerReference: null }],
    [{ status: "FAILED", order_id: "o1", txnid: "MP1" }, { status: "FAILED", reason: "UNKNOWN", providerReference: "MP1" }],
    [{ status: "EXPIRED", order_id: "o1" }, { status: "FAILED", reason: "TIMEOUT", providerReference: null }],
  ])("%j -> %j", (body, expected) => {
    expect(transformOrangeStatus(OrangeTransactionStatusSchema.parse(body))).toEqual(expected);
  });

  it("refuses a status Orange does not document", () => {
    expect(OrangeTransactionStatusSchema.safeParse({ status: "SUCCESSFUL" }).success).toBe(false);
  });
});
