import { getDb, isUuid } from "@/lib/db/client";
import type { PaymentStatus } from "@/lib/domain/links/enums";

export interface PublicPaymentStatus {
  id: string;
  status: PaymentStatus;
  failure_reason: string | null;
}

/** The little a customer's browser may know about a payment it started (ids are unguessable). */
export async function getPaymentStatus(id: string): Promise<PublicPaymentStatus | null> {
  if (!isUuid(id)) return null;
  const payment = await getDb().payment.findUnique({ where: { id }, select: { id: true, status: true, failureReason: true } });
  return payment && { id: payment.id, status: payment.status, failure_reason: payment.failureReason };
}
