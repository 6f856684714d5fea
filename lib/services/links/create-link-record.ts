import { getDb, isUniqueViolation } from "@/lib/db/client";
import type { CreateLinkInput } from "@/lib/domain/links/schemas";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { MessageUrlForm } from "@/lib/domain/links/urls";
import { parseOrThrow } from "@/lib/domain/validation";
import type { DeliveryMethod } from "@/lib/domain/links/enums";
import { AppError, AppErrorCode } from "@/lib/errors";
import { createLinkInTx } from "./create-link-in-tx";
import { applyLinkActive } from "./set-link-active";
import { readLinkRecord } from "./get-link-record";
import { assertExternalReferenceFree, deliveryIssues, externalReferenceTaken, integrationFieldsSchema, type IntegrationFieldsInput, type LinkRecord } from "./link-records";

/**
 * Creates a link through the one code path for links (createLinkInTx: its `link.created` event,
 * and so the email or SMS its delivery method asks for) with the integration fields written by
 * the same insert, deactivated in the same transaction when `active` is false. A delivery method needs its recipient (see deliveryIssues); an external reference
 * already used by the merchant is a VALIDATION error.
 */
export async function createLinkRecord(
  scope: MerchantScope,
  input: CreateLinkInput,
  fields: IntegrationFieldsInput = {},
  { active = true, now = new Date(), messageUrl = "short" }: { active?: boolean; now?: Date; messageUrl?: MessageUrlForm } = {},
): Promise<LinkRecord> {
  const extra = parseOrThrow(integrationFieldsSchema, fields);
  const issues = deliveryIssues((input.deliveryMethod ?? 0) as DeliveryMethod, input.customerEmail ?? null, input.customerPhone ?? null);
  if (issues.length) throw new AppError(AppErrorCode.VALIDATION, issues[0]!.message, { field: issues[0]!.field, issues });
  try {
    return await getDb().$transaction(async (tx) => {
      await assertExternalReferenceFree(tx, scope.merchantId, extra.externalReference);
      const link = await createLinkInTx(tx, scope, input, now, { columns: extra, messageUrl });
      // A creation: modified is created (the database stamped one, Prisma the other).
      await tx.paymentLink.update({ where: { id: link.id }, data: { updatedAt: link.createdAt } });
      if (!active) await applyLinkActive(tx, scope, await tx.paymentLink.findUniqueOrThrow({ where: { id: link.id } }), false, now);
      return readLinkRecord(tx, link.id, now);
    });
  } catch (error) {
    // Two creates with the same reference at once: the unique index refuses the second.
    if (isUniqueViolation(error) && extra.externalReference) throw externalReferenceTaken();
    throw error;
  }
}
