/** CycleSoftware's GET parameters -> the domain's kind of order link. */
import type { Mode } from "@/lib/domain/links/enums";

export type OrderLinkInput =
  | { kind: "advance"; amountMinor: number; mode: Mode }
  | { kind: "dynamic"; mode: Mode }
  | { kind: "rest"; mode: Mode };

/**
 * `payment_amount_cents` wins ("If a payment_amount_cents [is given] this option will be
 * ignored"), then `dynamic_payment_amount`, else the unpaid rest. The credential's mode (a
 * SANDBOX or a LIVE key) is the link's.
 */
export function toOrderLinkInput(query: { payment_amount_cents?: number; dynamic_payment_amount?: boolean }, mode: Mode): OrderLinkInput {
  if (query.payment_amount_cents !== undefined) return { kind: "advance", amountMinor: query.payment_amount_cents, mode };
  if (query.dynamic_payment_amount) return { kind: "dynamic", mode };
  return { kind: "rest", mode };
}
