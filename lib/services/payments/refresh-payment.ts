import { getDb, isUuid } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getProviderClient } from "@/lib/providers";
import { settlePayment, type Settlement } from "./settle-payment";
import { providerOrderId } from "./start-payment";
import { fromStoredMinor } from "@/lib/money";

export type Refresh = { outcome: "settled"; settlement: Settlement } | { outcome: "pending" } | { outcome: "unreachable"; message: string };

/**
 * Asks the provider where a PENDING payment stands and records a final answer. Callbacks are
 * only hints (MTN's are unsigned): this is the one place that turns a provider status into a
 * settlement, for callbacks and for the reconciler alike. Settling twice changes nothing.
 */
export async function refreshPaymentFromProvider(paymentId: string): Promise<Refresh> {
  if (!isUuid(paymentId)) throw notFound("payment");
  const payment = await getDb().payment.findUnique({ where: { id: paymentId } });
  if (!payment) throw notFound("payment");
  const actor = `provider:${payment.provider}`;
  if (payment.status !== "PENDING") {
    return { outcome: "settled", settlement: await settlePayment({ paymentId, outcome: payment.status, actor }) };
  }
  const result = await getProviderClient(payment.provider).getStatus({
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
