import { rateLimitConfig } from "@/lib/config/limits";
import { PROVIDERS } from "@/lib/domain/links/enums";
import { normalizeCameroonMobile } from "@/lib/domain/payments/phone";
import { AppErrorCode, isAppError } from "@/lib/errors";
import { isLang } from "@/lib/i18n/pay-page";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestFingerprint } from "@/lib/services/idempotency/idempotency";
import { startPayment } from "@/lib/services/payments/start-payment";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

export interface PayPageSubmission {
  slug: string;
  provider: string;
  phone: string;
  lang: string;
  /** The form's one-time token: a double submit replays the first answer. */
  attempt: string;
  clientIp: string;
  baseUrl: string;
}

/**
 * Handles the pay page's form and says where the browser goes next: the payment it started,
 * or back to the form with what was wrong. The same startPayment as every API.
 */
export async function startPaymentFromPayPage(input: PayPageSubmission): Promise<string> {
  const lang = isLang(input.lang) ? input.lang : "fr";
  const page = (extra: Record<string, string> = {}) => `/pay/${encodeURIComponent(input.slug)}?${new URLSearchParams({ lang, ...extra })}`;
  const provider = PROVIDERS.find((p) => p === input.provider);
  if (!provider) return page({ error: "provider", phone: input.phone });
  try {
    normalizeCameroonMobile(input.phone);
  } catch {
    return page({ error: "phone", phone: input.phone, provider });
  }

  const limits = rateLimitConfig();
  const rate = await consumeRateLimit(`pay:${input.clientIp}`, limits.perIp, limits.windowSeconds);
  if (!rate.allowed) return page({ error: "rate", phone: input.phone, provider });

  let claimId: string | undefined;
  if (input.attempt) {
    try {
      const claim = await claimIdempotencyKey(`pay:${input.slug}`, input.attempt, requestFingerprint("POST", input.slug, { provider, phone: input.phone }));
      if (claim.kind === "replay") return String((claim.response.body as { location: string }).location);
      claimId = claim.id;
    } catch (error) {
      if (!isAppError(error)) throw error;
      return page(); // a reused or malformed token: show the form again with a fresh one
    }
  }

  let location: string;
  try {
    const { payment } = await startPayment({ slug: input.slug, provider, phoneNumber: input.phone, baseUrl: input.baseUrl, language: lang });
    location = page({ payment: payment.id });
  } catch (error) {
    if (!isAppError(error)) {
      if (claimId) await releaseIdempotencyKey(claimId);
      throw error;
    }
    location =
      error.code === AppErrorCode.PROVIDER_UNAVAILABLE
        ? page({ error: "provider_down", phone: input.phone, provider })
        : error.code === AppErrorCode.VALIDATION
          ? page({ error: "phone", phone: input.phone, provider })
          : page(); // gone or not found: the page shows why, with its status
  }
  if (claimId) await completeIdempotencyKey(claimId, { status: 303, body: { location } });
  return location;
}
