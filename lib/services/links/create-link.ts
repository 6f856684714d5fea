import { getDb } from "@/lib/db/client";
import type { CreateLinkInput } from "@/lib/domain/links/schemas";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { createLinkInTx } from "./create-link-in-tx";

/** Creates a payment link (and its `link.created` event) in a transaction of its own. */
export async function createLink(scope: MerchantScope, input: CreateLinkInput, now: Date = new Date()): Promise<PaymentLink> {
  return getDb().$transaction((tx) => createLinkInTx(tx, scope, input, now));
}
