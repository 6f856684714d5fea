import { getDb, isUuid } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getProviderClient } from "@/lib/providers";
import { settlePayment, type Settlement } from "./settle-payment";
import { providerOrderId } from "./start-payment";
import { fromStoredMinor } from "@/lib/money";

export type Refresh = { outcome: "settled"; settlement: Settlement } | { outcome: "pending" } | { outcome: "unreachable"; message: string };

/**
 * Asks the provider where a payment stands and records its final answer. Callbacks are only
 * hints (MTN's are unsigned): this is the one place that turns a provider status into a
 * settlement, for callbacks and for the reconciler alike. Settling twice changes nothing.
 *
 * The provider is asked about a PENDING payment, and also about one we failed locally without
 * its final word (failed_locally_at): its answer wins, so a success that arrives late (by
 * callback or by a later poll) is recorded as paid late. Other final payments are not asked
 * again. The client is the one of the payment's mode (SANDBOX or LIVE settings).
 */
export async function refreshPaymentFromProvider(paymentId: string): Promise<Refresh> {
  if (!isUuid(paymentId)) throw notFound("payment");
  const payment = await getDb().payment.findUnique({ where: { id: paymentId } });
  if (!payment) throw notFound("payment");
  const actor = `provider:${payment.provider}`;
  const openToProvider = payment.status === "PENDING" || (payment.status === "FAILED" && payment.failedLocallyAt !== null);
  if (!openToProvider) {
    return { outcome: "settled", settlement: await settlePayment({ paymentId, outcome: payment.status === "SUCCESSFUL" ? "SUCCESSFUL" : "FAILED", actor }) };
  }
  const result = await getProviderClient(payment.provider, payment.mode).getStatus({
    paymentId,
    orderId: providerOrderId(paymentId),
    amountMinor: fromStoredMinor(payment.amountMinor),
    providerReference: payment.providerReference,
  });
  if (!result.ok) return { outcome: "unreachable", message: result.error.message };
  const status = result.value;
  if (status.status === "PENDING") return { outcome: "pending" };
  const settlement = await settlePayment({
    paymentId,
    outcome: status.status,
    failureReason: status.status === "FAILED" ? status.reason : undefined,
    providerReference: status.providerReference ?? undefined,
    actor,
  });
  return { outcome: "settled", settlement };
}
