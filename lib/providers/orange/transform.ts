/** Orange's statuses (and the mock's failure reasons) to ours: the only place that knows them. */
import type { FailureReason, ProviderStatus } from "@/lib/providers/interface";
import type { OrangeMockReason, OrangeTransactionStatus } from "./types";

const REASONS = new Map<string, FailureReason>([
  ["INSUFFICIENT_BALANCE", "INSUFFICIENT_FUNDS"],
  ["CANCELLED_BY_PAYER", "PAYER_REJECTED"],
] satisfies [OrangeMockReason, FailureReason][]);

export function transformOrangeStatus(result: OrangeTransactionStatus): ProviderStatus {
  // txnid is Orange's transaction id (the one in the payer's SMS), known once the payer acted.
  const providerReference = result.txnid || null;
  switch (result.status) {
    case "INITIATED":
    case "PENDING":
      return { status: "PENDING" };
    case "SUCCESS":
      return { status: "SUCCESSFUL", providerReference };
    case "FAILED":
      return { status: "FAILED", reason: (result.reason ? REASONS.get(result.reason) : undefined) ?? "UNKNOWN", providerReference };
    case "EXPIRED":
      return { status: "FAILED", reason: "TIMEOUT", providerReference };
  }
}
