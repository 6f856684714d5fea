import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { assertEditable, assertExpiryInFuture, assertMaxUses, mergeMetadata } from "@/lib/domain/links/lifecycle";
import { amountMinorSchema, createLinkInputSchema, currencySchema, updateLinkInputSchema } from "@/lib/domain/links/schemas";
import type { MerchantScope, Metadata, PaymentLink } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { validationError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { lockLinkOrThrow } from "./lock-link";
import { applyLinkActive } from "./set-link-active";
import { toPaymentLink } from "./to-payment-link";

/**
 * What a link's update may change: updateLinkInputSchema's fields, plus the fields an API that
 * edits more of a link sends (CM.com): the amount with its currency, the references, the invoice
 * due date, language, country, callback URL, and `active` (see setLinkActive).
 */
const updateLinkFieldsSchema = updateLinkInputSchema.extend({
  amountMinor: amountMinorSchema.optional(),
  currency: currencySchema.optional(),
  merchantReference: createLinkInputSchema.shape.merchantReference,
  invoiceReference: createLinkInputSchema.shape.invoiceReference,
  invoiceDueDate: createLinkInputSchema.shape.invoiceDueDate,
  language: createLinkInputSchema.shape.language,
  country: createLinkInputSchema.shape.country,
  callbackUrl: createLinkInputSchema.shape.callbackUrl,
  active: z.boolean({ error: "active must be a boolean" }).optional(),
});
export type UpdateLinkFieldsInput = z.input<typeof updateLinkFieldsSchema>;

type ChangeableField =
  | "description"
  | "expiresAt"
  | "maxUses"
  | "status"
  | "amountMinor"
  | "currency"
  | "merchantReference"
  | "invoiceReference"
  | "invoiceDueDate"
  | "language"
  | "country"
  | "callbackUrl";

/**
 * Changes description, expiry, max uses, metadata (merged) or the status (ACTIVE, EXPIRED or
 * CANCELLED) of a link that is neither PAID nor CANCELLED; also its amount (with its currency:
 * a new currency needs the amount in it; not for a link of an order), references, invoice due
 * date, language, country and callback URL. `active` deactivates or reactivates it in the same
 * transaction, after the other fields (so a new expiry lets an expired link be reactivated); an
 * update of `active` alone is decided by setLinkActive's rules only (applyLinkActive).
 */
export async function updateLink(
  scope: MerchantScope,
  id: string,
  input: UpdateLinkFieldsInput,
  now: Date = new Date(),
): Promise<PaymentLink> {
  const patch = parseOrThrow(updateLinkFieldsSchema, input);
  if (patch.status === "PAID") {
    throw validationError("status", "status cannot be set to PAID: a link becomes PAID when it is paid");
  }
  const { active, ...fields } = patch;
  const onlyActive = active !== undefined && Object.values(fields).every((value) => value === undefined);
  return getDb().$transaction(async (tx) => {
    const row = await lockLinkOrThrow(tx, scope.merchantId, id);
    if (onlyActive) return toPaymentLink(await applyLinkActive(tx, scope, row, active, now), now);
    assertEditable(row);
    if (patch.expiresAt) assertExpiryInFuture(patch.expiresAt, now);
    if (patch.maxUses !== undefined) assertMaxUses(patch.maxUses, row.currentUses);
    const newAmount = patch.amountMinor !== undefined && BigInt(patch.amountMinor) !== row.amountMinor;
    const newCurrency = patch.currency !== undefined && patch.currency !== row.currency;
    if ((newAmount || newCurrency) && row.orderId) {
      throw validationError("amount", "amount cannot be changed on a link of an order: create a new link for the order");
    }
    if (newCurrency && patch.amountMinor === undefined) {
      throw validationError("currency", "currency can only be changed together with amount");
    }

    const data: Prisma.PaymentLinkUpdateInput = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const change = <K extends ChangeableField>(key: K, to: (typeof row)[K]) => {
      const from = row[key];
      if (to === from || (to instanceof Date && from instanceof Date && to.getTime() === from.getTime())) return;
      changes[key] = typeof from === "bigint" ? { from: Number(from), to: Number(to) } : { from, to };
      data[key] = to as never;
    };
    if (patch.description !== undefined) change("description", patch.description);
    if (patch.expiresAt !== undefined) change("expiresAt", patch.expiresAt);
    if (patch.maxUses !== undefined) change("maxUses", patch.maxUses);
    if (patch.status !== undefined) change("status", patch.status);
    if (patch.amountMinor !== undefined) change("amountMinor", BigInt(patch.amountMinor));
    if (patch.currency !== undefined) change("currency", patch.currency);
    if (patch.merchantReference !== undefined) change("merchantReference", patch.merchantReference);
    if (patch.invoiceReference !== undefined) change("invoiceReference", patch.invoiceReference);
    if (patch.invoiceDueDate !== undefined) change("invoiceDueDate", patch.invoiceDueDate);
    if (patch.language !== undefined) change("language", patch.language);
    if (patch.country !== undefined) change("country", patch.country);
    if (patch.callbackUrl !== undefined) change("callbackUrl", patch.callbackUrl);
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
    return toPaymentLink(active === undefined ? updated : await applyLinkActive(tx, scope, updated, active, now), now);
  });
}
