import { getDb } from "@/lib/db/client";
import { assertCancellable } from "@/lib/domain/links/lifecycle";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { recordEvent } from "@/lib/services/events/record-event";
import { lockLinkOrThrow } from "./lock-link";
import { toPaymentLink } from "./to-payment-link";

/** Cancels a link that is neither PAID nor already CANCELLED (an EXPIRED one can be cancelled). */
export async function cancelLink(scope: MerchantScope, id: string, now: Date = new Date()): Promise<PaymentLink> {
  return getDb().$transaction(async (tx) => {
    const row = await lockLinkOrThrow(tx, scope.merchantId, id);
    assertCancellable(row);
    const updated = await tx.paymentLink.update({
      where: { id: row.id },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    await recordEvent(tx, {
      merchantId: scope.merchantId,
      linkId: row.id,
      type: "link.cancelled",
      actor: scope.actor,
      data: { from: row.status },
    });
    return toPaymentLink(updated, now);
  });
}
