import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { recordEvent } from "@/lib/services/events/record-event";
import { resolveLinkKey } from "./get-link-record";
import { lockLinkOrThrow } from "./lock-link";

/**
 * Deletes a link from the APIs that delete (named by its id or external reference): it is
 * marked deleted and disappears from them (NOT_FOUND from then on), and it can no longer be
 * paid: a link still open (ACTIVE or EXPIRED) is cancelled, and it is deactivated too, so that
 * a use released later (a pending payment that fails) does not make it payable again. Nothing
 * is removed: its payments and events stay in the merchant's history, and the dashboard still
 * shows it.
 */
export async function deleteLink(scope: MerchantScope, key: string, now: Date = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const id = await resolveLinkKey(tx, scope, key);
    const row = await lockLinkOrThrow(tx, scope.merchantId, id);
    const cancel = row.status === "ACTIVE" || row.status === "EXPIRED";
    await tx.paymentLink.update({
      where: { id },
      data: {
        deletedAt: now,
        deactivatedAt: row.deactivatedAt ?? now,
        ...(cancel ? { status: "CANCELLED", cancelledAt: now } : {}),
      },
    });
    const base = { merchantId: scope.merchantId, linkId: id, actor: scope.actor };
    if (cancel) await recordEvent(tx, { ...base, type: "link.cancelled", data: { from: row.status, deleted: true } });
    else await recordEvent(tx, { ...base, type: "link.updated", data: { changes: { deleted_at: { from: null, to: now.toISOString() } } } });
  });
}
