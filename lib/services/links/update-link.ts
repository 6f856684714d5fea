import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { assertEditable, assertExpiryInFuture, assertMaxUses, mergeMetadata } from "@/lib/domain/links/lifecycle";
import { updateLinkInputSchema, type UpdateLinkInput } from "@/lib/domain/links/schemas";
import type { MerchantScope, Metadata, PaymentLink } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { validationError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { lockLinkOrThrow } from "./lock-link";
import { toPaymentLink } from "./to-payment-link";

/**
 * Changes description, expiry, max uses, metadata (merged) or the status (ACTIVE, EXPIRED or
 * CANCELLED) of a link that is neither PAID nor CANCELLED.
 */
export async function updateLink(
  scope: MerchantScope,
  id: string,
  input: UpdateLinkInput,
  now: Date = new Date(),
): Promise<PaymentLink> {
  const patch = parseOrThrow(updateLinkInputSchema, input);
  if (patch.status === "PAID") {
    throw validationError("status", "status cannot be set to PAID: a link becomes PAID when it is paid");
  }
  return getDb().$transaction(async (tx) => {
    const row = await lockLinkOrThrow(tx, scope.merchantId, id);
    assertEditable(row);
    if (patch.expiresAt) assertExpiryInFuture(patch.expiresAt, now);
    if (patch.maxUses !== undefined) assertMaxUses(patch.maxUses, row.currentUses);

    const data: Prisma.PaymentLinkUpdateInput = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const change = <K extends "description" | "expiresAt" | "maxUses" | "status">(key: K, to: (typeof row)[K]) => {
      if (to === row[key] || (to instanceof Date && row[key] instanceof Date && to.getTime() === row[key].getTime())) return;
      changes[key] = { from: row[key], to };
      data[key] = to as never;
    };
    if (patch.description !== undefined) change("description", patch.description);
    if (patch.expiresAt !== undefined) change("expiresAt", patch.expiresAt);
    if (patch.maxUses !== undefined) change("maxUses", patch.maxUses);
    if (patch.status !== undefined) change("status", patch.status);
    if (patch.status === "CANCELLED") data.cancelledAt = now;
    if (patch.metadata !== undefined) {
      const merged = mergeMetadata(row.metadata as Metadata, patch.metadata);
      changes.metadata = { from: row.metadata, to: merged };
      data.metadata = merged as Prisma.InputJsonObject;
    }

    const updated = await tx.paymentLink.update({ where: { id: row.id }, data });
    await recordEvent(tx, {
      merchantId: scope.merchantId,
      linkId: row.id,
      type: patch.status === "CANCELLED" ? "link.cancelled" : "link.updated",
      actor: scope.actor,
      data: { changes } as Prisma.InputJsonObject,
    });
    return toPaymentLink(updated, now);
  });
}
