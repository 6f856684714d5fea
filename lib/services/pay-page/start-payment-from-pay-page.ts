import { rateLimitConfig } from "@/lib/config/limits";
import { PROVIDERS, type Provider } from "@/lib/domain/links/enums";
import { normalizeCameroonMobile } from "@/lib/domain/payments/phone";
import { AppErrorCode, isAppError } from "@/lib/errors";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestFingerprint } from "@/lib/services/idempotency/idempotency";
import { startPayment } from "@/lib/services/payments/start-payment";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

export interface PayPageSubmission {
  slug: string;
  provider: string;
  phone: string;
  language: "fr" | "en";
  /** The form's one-time token: a double submit gets the first outcome again. */
  attempt: string;
  clientIp: string;
  baseUrl: string;
}

/** What became of a submission of the pay page's form. */
export type PayPageOutcome =
  | { kind: "started"; paymentId: string }
  | { kind: "refused"; problem: "provider" | "phone" | "rate" | "provider_down"; provider: Provider | null }
  /** Unknown, gone, or a reused token: the page itself shows why (with its status). */
  | { kind: "unavailable" };

/**
 * Handles the pay page's form with the same startPayment as every API: checks the operator and
 * number, limits attempts per client (and, in startPayment, per link and per number), and makes
 * a double submit start one payment only. A number whose payment on the link is still pending
 * is led back to that payment.
 */
export async function startPaymentFromPayPage(input: PayPageSubmission): Promise<PayPageOutcome> {
  const provider = PROVIDERS.find((p) => p === input.provider) ?? null;
  if (!provider) return { kind: "refused", problem: "provider", provider };
  try {
    normalizeCameroonMobile(input.phone);
  } catch {
    return { kind: "refused", problem: "phone", provider };
  }

  const limits = rateLimitConfig();
  const rate = await consumeRateLimit(`pay:${input.clientIp}`, limits.perIp, limits.windowSeconds);
  if (!rate.allowed) return { kind: "refused", problem: "rate", provider };

  let claimId: string | undefined;
  if (input.attempt) {
    try {
      const claim = await claimIdempotencyKey(`pay:${input.slug}`, input.attempt, requestFingerprint("POST", input.slug, { provider, phone: input.phone }));
      if (claim.kind === "replay") return claim.response.body as PayPageOutcome;
      claimId = claim.id;
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { kind: "unavailable" }; // a reused or malformed token: the form again, with a fresh one
    }
  }

  let outcome: PayPageOutcome;
  try {
    const { payment } = await startPayment({ slug: input.slug, provider, phoneNumber: input.phone, baseUrl: input.baseUrl, language: input.language });
    outcome = { kind: "started", paymentId: payment.id };
  } catch (error) {
    if (!isAppError(error)) {
      if (claimId) await releaseIdempotencyKey(claimId);
      throw error;
    }
    outcome =
      error.code === AppErrorCode.PROVIDER_UNAVAILABLE
        ? { kind: "refused", problem: "provider_down", provider }
        : error.code === AppErrorCode.VALIDATION
          ? { kind: "refused", problem: "phone", provider }
          : error.code === AppErrorCode.RATE_LIMITED
            ? { kind: "refused", problem: "rate", provider }
            : // A LIVE link whose chosen operator has no live configuration: as if it were down.
              error.code === AppErrorCode.INVALID_STATE && error.details.field === "provider"
              ? { kind: "refused", problem: "provider_down", provider }
              : { kind: "unavailable" };
  }
  if (claimId) await completeIdempotencyKey(claimId, { status: 200, body: outcome });
  return outcome;
}
