/** MTN's statuses and failure reasons to ours: the only place that knows MTN's words. */
import type { FailureReason, ProviderStatus } from "@/lib/providers/interface";
import type { MtnRequestToPayResult } from "./types";

const REASONS = new Map<string, FailureReason>([
  ["NOT_ENOUGH_FUNDS", "INSUFFICIENT_FUNDS"],
  ["APPROVAL_REJECTED", "PAYER_REJECTED"],
  ["EXPIRED", "TIMEOUT"],
  // The payer did not enter the PIN in time.
  ["COULD_NOT_PERFORM_TRANSACTION", "TIMEOUT"],
  ["PAYER_NOT_FOUND", "PAYER_NOT_FOUND"],
  ["PAYER_LIMIT_REACHED", "LIMIT_REACHED"],
  ["INTERNAL_PROCESSING_ERROR", "PROVIDER_ERROR"],
  ["SERVICE_UNAVAILABLE", "PROVIDER_ERROR"],
]);

export function transformMtnReason(reason: MtnRequestToPayResult["reason"]): FailureReason {
  const code = typeof reason === "string" ? reason : reason?.code;
  return (code ? REASONS.get(code) : undefined) ?? "UNKNOWN";
}

export function transformMtnStatus(result: MtnRequestToPayResult): ProviderStatus {
  const providerReference = result.financialTransactionId || null;
  switch (result.status) {
    case "PENDING":
      return { status: "PENDING" };
    case "SUCCESSFUL":
      return { status: "SUCCESSFUL", providerReference };
    case "FAILED":
      return { status: "FAILED", reason: transformMtnReason(result.reason), providerReference };
  }
}
