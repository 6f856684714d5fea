import type { Prisma, PaymentLink as PaymentLinkRow } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { assertActiveChange } from "@/lib/domain/links/lifecycle";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { recordEvent } from "@/lib/services/events/record-event";
import { lockLinkOrThrow } from "./lock-link";
import { toPaymentLink } from "./to-payment-link";

/**
 * Deactivates (`active: false`) or reactivates (`active: true`) one of the merchant's links
 * (CM's and Zeamster's `active`). A deactivated link cannot be redeemed through any surface (GONE
 * INACTIVE) and its pay page says so; unlike a cancelled link it can come back. A link paid in
 * money or cancelled is final (either way is refused), an expired one cannot be made active
 * (INVALID_STATE naming `active`); otherwise asking for the state the link is already in changes
 * nothing. A foreign, unknown or malformed id is NOT_FOUND. A change is recorded as a
 * `link.updated` event with `changes.active` ({from, to}).
 */
export async function setLinkActive(scope: MerchantScope, linkId: string, active: boolean): Promise<PaymentLink> {
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    const row = await lockLinkOrThrow(tx, scope.merchantId, linkId);
    return toPaymentLink(await applyLinkActive(tx, scope, row, active, now), now);
  });
}

/** The same, on a row the caller has locked in its transaction (lockLinkOrThrow); returns the row as stored after. */
export async function applyLinkActive(
  tx: Prisma.TransactionClient,
  scope: MerchantScope,
  row: PaymentLinkRow,
  active: boolean,
  now: Date = new Date(),
): Promise<PaymentLinkRow> {
  const pending = row.status === "PAID" ? await tx.payment.count({ where: { linkId: row.id, status: "PENDING" } }) : 0;
  assertActiveChange(row, active, now, pending);
  const wasActive = row.deactivatedAt === null;
  if (wasActive === active) return row;
  const updated = await tx.paymentLink.update({ where: { id: row.id }, data: { deactivatedAt: active ? null : now } });
  await recordEvent(tx, {
    merchantId: scope.merchantId,
    linkId: row.id,
    type: "link.updated",
    actor: scope.actor,
    data: { changes: { active: { from: wasActive, to: active } } },
  });
  return updated;
}
