import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { DELIVERY_METHODS, type DeliveryMethod } from "@/lib/domain/links/enums";
import { assertEditable, assertExpiryInFuture } from "@/lib/domain/links/lifecycle";
import { amountMinorSchema, createLinkInputSchema } from "@/lib/domain/links/schemas";
import type { MerchantScope } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode, validationError } from "@/lib/errors";
import { fromStoredMinor } from "@/lib/money";
import { recordEvent } from "@/lib/services/events/record-event";
import { readLinkRecord, resolveLinkKey } from "./get-link-record";
import {
  assertExternalReferenceFree,
  deliveryIssues,
  externalReferenceTaken,
  integrationFieldsSchema,
  type IntegrationFieldsInput,
  type LinkRecord,
} from "./link-records";
import { lockLinkOrThrow } from "./lock-link";
import { applyLinkActive } from "./set-link-active";

export interface LinkRecordPatch {
  amountMinor?: number;
  description?: string | null;
  expiresAt?: Date | null;
  customerEmail?: string | null;
  customerPhone?: string | null;
  deliveryMethod?: DeliveryMethod;
  fields?: IntegrationFieldsInput;
  /** Deactivate (false) or reactivate (true), after the other changes (see setLinkActive). */
  active?: boolean;
}

const patchSchema = z.object({
  amountMinor: amountMinorSchema.optional(),
  description: createLinkInputSchema.shape.description,
  expiresAt: createLinkInputSchema.shape.expiresAt,
  customerEmail: createLinkInputSchema.shape.customerEmail,
  customerPhone: createLinkInputSchema.shape.customerPhone,
  deliveryMethod: z.union(DELIVERY_METHODS.map((m) => z.literal(m)), { error: "delivery_method must be 0, 1, 2 or 3" }).optional(),
  fields: integrationFieldsSchema.optional(),
  active: z.boolean({ error: "active must be a boolean" }).optional(),
});

/**
 * Changes a link that is neither PAID nor CANCELLED, named by its id or external reference (a
 * deleted link is NOT_FOUND): amount (only while nothing is paid or pending on it), description,
 * expiry (a new one must be in the future), customer contact and delivery method (which must
 * keep their recipient), and the integration fields (the processing products, like the amount,
 * only while nothing is paid). Records a `link.updated` event with what changed. `active` then
 * deactivates or reactivates it in the same transaction (setLinkActive's rules and event).
 */
export async function updateLinkRecord(scope: MerchantScope, key: string, input: LinkRecordPatch, now: Date = new Date()): Promise<LinkRecord> {
  const patch = parseOrThrow(patchSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const id = await resolveLinkKey(tx, scope, key);
      const row = await lockLinkOrThrow(tx, scope.merchantId, id);
      assertEditable(row);

      const data: Prisma.PaymentLinkUpdateInput = {};
      const changes: Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }> = {};
      const json = (value: unknown): Prisma.InputJsonValue | null =>
        value instanceof Date ? value.toISOString() : typeof value === "bigint" ? Number(value) : ((value ?? null) as Prisma.InputJsonValue | null);
      const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
      const change = (name: string, column: keyof Prisma.PaymentLinkUpdateInput, from: unknown, to: unknown) => {
        if (to === undefined || same(from, to)) return false;
        changes[name] = { from: json(from), to: json(to) };
        (data as Record<string, unknown>)[column] = to;
        return true;
      };
      const nothingPaidYet = row.currentUses === 0 && (await tx.payment.count({ where: { linkId: id, status: "SUCCESSFUL" } })) === 0;
      const onlyWhileUnpaid = (field: string) => {
        if (!nothingPaidYet) throw validationError(field, `${field} cannot change once a payment has been made on the link`);
      };

      if (patch.amountMinor !== undefined && patch.amountMinor !== fromStoredMinor(row.amountMinor)) {
        if (row.dynamicAmount) throw validationError("amount", "amount cannot be set on a link that pays what is unpaid on its order");
        onlyWhileUnpaid("amount");
        change("amount_minor", "amountMinor", row.amountMinor, BigInt(patch.amountMinor));
      }
      change("description", "description", row.description, patch.description);
      if (patch.expiresAt !== undefined && !same(row.expiresAt, patch.expiresAt)) {
        if (patch.expiresAt) assertExpiryInFuture(patch.expiresAt, now);
        change("expires_at", "expiresAt", row.expiresAt, patch.expiresAt);
      }
      change("customer_email", "customerEmail", row.customerEmail, patch.customerEmail);
      change("customer_phone", "customerPhone", row.customerPhone, patch.customerPhone);
      change("delivery_method", "deliveryMethod", row.deliveryMethod, patch.deliveryMethod);

      const fields = patch.fields ?? {};
      for (const [name, column] of [
        ["card_product_id", "cardProductId"],
        ["bank_product_id", "bankProductId"],
      ] as const) {
        if (fields[column] !== undefined && fields[column] !== row[column]) onlyWhileUnpaid(name);
      }
      if (fields.externalReference) await assertExternalReferenceFree(tx, scope.merchantId, fields.externalReference, id);
      for (const [column, value] of Object.entries(fields)) {
        change(column.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()), column as keyof Prisma.PaymentLinkUpdateInput, row[column as keyof typeof row], value);
      }

      const issues = deliveryIssues(
        (patch.deliveryMethod ?? row.deliveryMethod) as DeliveryMethod,
        patch.customerEmail !== undefined ? patch.customerEmail : row.customerEmail,
        patch.customerPhone !== undefined ? patch.customerPhone : row.customerPhone,
      );
      if (issues.length) throw new AppError(AppErrorCode.VALIDATION, issues[0]!.message, { field: issues[0]!.field, issues });

      let updated = row;
      if (Object.keys(changes).length) {
        updated = await tx.paymentLink.update({ where: { id }, data });
        await recordEvent(tx, { merchantId: scope.merchantId, linkId: id, type: "link.updated", actor: scope.actor, data: { changes } });
      }
      // The state it is already in is no change (an expired link read and sent back stays as it is).
      if (patch.active !== undefined && patch.active !== (updated.deactivatedAt === null)) await applyLinkActive(tx, scope, updated, patch.active, now);
      return readLinkRecord(tx, id, now);
    });
  } catch (error) {
    if (isUniqueViolation(error) && patch.fields?.externalReference) throw externalReferenceTaken();
    throw error;
  }
}
