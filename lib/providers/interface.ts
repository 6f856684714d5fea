/**
 * What the product needs from a mobile-money provider. The MTN and Orange clients implement it
 * over HTTP; services never see provider strings, only these shapes. Vendor failures are
 * expected, so every call returns a result instead of throwing.
 */
import type { Provider } from "@/lib/domain/links/enums";

/** Our reasons for a failed payment, whatever the provider called them. */
export const FAILURE_REASONS = [
  "INSUFFICIENT_FUNDS",
  "PAYER_REJECTED",
  "PAYER_NOT_FOUND",
  "LIMIT_REACHED",
  "TIMEOUT",
  "PROVIDER_ERROR",
  "UNKNOWN",
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface InitiateRequest {
  /** Our id for the attempt, stored before the call: MTN's X-Reference-Id (a UUID). */
  paymentId: string;
  /** Short unique id for providers that need one (Orange order_id, at most 30 characters). */
  orderId: string;
  amountMinor: number;
  currency: string;
  /** 237 followed by 9 digits. */
  payerPhone: string;
  description: string;
  language: "fr" | "en";
  /** Where the provider should send its notification for this attempt. */
  callbackUrl: string;
  /** Where the payer returns after a hosted provider page (Orange). */
  returnUrl: string;
}

export interface Initiated {
  /** The provider's own reference, when it gives one at initiation (Orange pay_token). */
  providerReference: string | null;
  /** A page the payer must open to approve (Orange web payment), if any. */
  paymentUrl: string | null;
  /** A secret the provider will echo in its notification (Orange notif_token), if any. */
  notificationToken: string | null;
}

export type ProviderStatus =
  | { status: "PENDING" }
  | { status: "SUCCESSFUL"; providerReference: string | null }
  | { status: "FAILED"; reason: FailureReason; providerReference: string | null };

export type ProviderErrorKind =
  /** No answer in time: the attempt may or may not exist; reconcile it, do not fail it. */
  | "timeout"
  /** Connection refused, DNS, 5xx: the provider is down. */
  | "unavailable"
  /** The provider refused the request (4xx): it will not succeed if retried as is. */
  | "rejected";

export interface ProviderError {
  kind: ProviderErrorKind;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProviderError };

export interface StatusQuery {
  paymentId: string;
  orderId: string;
  amountMinor: number;
  providerReference: string | null;
}

export interface PaymentProviderClient {
  readonly provider: Provider;
  initiate(request: InitiateRequest): Promise<Result<Initiated>>;
  getStatus(query: StatusQuery): Promise<Result<ProviderStatus>>;
}
