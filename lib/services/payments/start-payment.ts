import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { providerSchema } from "@/lib/domain/links/schemas";
import { payPageUrl, providerCallbackUrl } from "@/lib/domain/links/urls";
import { normalizeCameroonMobile } from "@/lib/domain/payments/phone";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode, notFound } from "@/lib/errors";
import { getProviderClient } from "@/lib/providers";
import type { Initiated } from "@/lib/providers/interface";
import { recordEvent } from "@/lib/services/events/record-event";
import { redeemLink, type RedeemInput, type Redemption } from "@/lib/services/links/redeem-link";
import { settlePayment } from "./settle-payment";
import { throttleRedeem } from "./throttle-redeem";
import { toPayment } from "./to-payment";

export interface StartPaymentInput extends RedeemInput {
  /** Public base URL of the product, for the provider's callback and return URLs. */
  baseUrl: string;
  language?: "fr" | "en";
}

/** Orange wants an order id of at most 30 characters: ours is derived from the payment id. */
export function providerOrderId(paymentId: string): string {
  return "pl" + paymentId.replaceAll("-", "").slice(0, 28);
}

/**
 * Redeems the link (reserving a use and opening a PENDING payment, committed before any call)
 * and asks the provider to collect. The one code path for the pay page and every contract.
 * Attempts are throttled per link and per payer number (throttleRedeem); a number that already
 * has a payment pending on the link gets it back, and the provider is not asked again. The
 * provider's client is the one of the link's mode (SANDBOX: the sandbox settings, LIVE: the live).
 * - accepted: the payment stays PENDING until the provider's callback or the reconciler;
 * - no answer in time: unknown, so it stays PENDING and the reconciler asks again;
 * - refused or down: the payment FAILS with PROVIDER_ERROR, which releases the use.
 */
export async function startPayment(input: StartPaymentInput): Promise<Redemption> {
  // The input's checks come first, in redeemLink's order (a bad request is a 400, never a 429).
  parseOrThrow(z.object({ provider: providerSchema }), { provider: input.provider });
  const payerPhone = normalizeCameroonMobile(input.phoneNumber);
  // Attempts on links that exist are counted (an unknown slug is a 404, not a throttled attempt).
  if (!(await getDb().paymentLink.findUnique({ where: { slug: input.slug }, select: { id: true } }))) throw notFound("payment_link");
  await throttleRedeem(input.slug, payerPhone);
  const redemption = await redeemLink(input);
  if (redemption.resumed) return redemption;
  const { link, payment } = redemption;
  const client = getProviderClient(payment.provider, payment.mode);
  const result = await client.initiate({
    paymentId: payment.id,
    orderId: providerOrderId(payment.id),
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    payerPhone: payment.payerPhone,
    description: link.description ?? `Payment ${link.slug}`,
    language: input.language ?? (link.language === "en" ? "en" : "fr"),
    callbackUrl: providerCallbackUrl(payment.provider, payment.id, input.baseUrl),
    returnUrl: payPageUrl(link.slug, { payment: payment.id }, input.baseUrl),
  });

  if (result.ok) {
    return { link, payment: await recordInitiation(payment.id, link.merchantId, result.value) };
  }
  if (result.error.kind === "timeout") {
    await recordEvent(getDb(), {
      merchantId: link.merchantId,
      linkId: link.id,
      paymentId: payment.id,
      type: "payment.initiation_unknown",
      actor: `provider:${payment.provider}`,
      data: { message: result.error.message },
    });
    return redemption;
  }
  await settlePayment({
    paymentId: payment.id,
    outcome: "FAILED",
    failureReason: "PROVIDER_ERROR",
    actor: `provider:${payment.provider}`,
  });
  throw new AppError(AppErrorCode.PROVIDER_UNAVAILABLE, `Payment initialization failed: ${result.error.message}`);
}

async function recordInitiation(paymentId: string, merchantId: string, initiated: Initiated) {
  return getDb().$transaction(async (tx) => {
    const row = await tx.payment.update({
      where: { id: paymentId },
      data: {
        providerReference: initiated.providerReference,
        notificationToken: initiated.notificationToken,
        paymentUrl: initiated.paymentUrl,
      },
    });
    await recordEvent(tx, {
      merchantId,
      linkId: row.linkId,
      paymentId,
      type: "payment.initiated",
      actor: `provider:${row.provider}`,
      data: { provider_reference: initiated.providerReference },
    });
    return toPayment(row);
  });
}
