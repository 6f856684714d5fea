import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { MessageUrlForm } from "@/lib/domain/links/urls";
import { invalidState } from "@/lib/errors";
import { resendLinkMessages, type PersonChannel } from "@/lib/services/notifications/person-messages";
import { resolveLinkKey } from "./get-link-record";
import { lockLinkOrThrow } from "./lock-link";

/**
 * Sends a link's email and/or SMS again, as its delivery method says, named by its id or
 * external reference (a deleted link is NOT_FOUND). A link that cannot be paid now (paid or held,
 * cancelled, expired, deactivated) is refused (INVALID_STATE), and so is a link with nothing to
 * send (delivery method 0, or no address for it). The messages go through the outbox like the
 * first ones; returns the channels written.
 */
export async function resendLink(
  scope: MerchantScope,
  key: string,
  { now = new Date(), messageUrl = "short" }: { now?: Date; messageUrl?: MessageUrlForm } = {},
): Promise<PersonChannel[]> {
  return getDb().$transaction(async (tx) => {
    const id = await resolveLinkKey(tx, scope, key);
    const row = await lockLinkOrThrow(tx, scope.merchantId, id);
    if (row.deactivatedAt) throw invalidState("Payment link is deactivated: only an active link can be sent again");
    const channels = await resendLinkMessages(tx, scope, id, { now, messageUrl });
    if (channels.length === 0) {
      throw invalidState("Payment link has nothing to send: its delivery_method is 0 (none), or it has no email or cell phone for it");
    }
    return channels;
  });
}
