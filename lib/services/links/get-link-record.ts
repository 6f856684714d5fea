import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";
import { LINK_RECORD_INCLUDE, toLinkRecords, type LinkRecord } from "./link-records";

/**
 * The id of one of the merchant's links that are not deleted, named by its id or by the
 * integrator's own reference for it (the id wins when both could match). Anything else,
 * another merchant's link or a deleted one included, is NOT_FOUND.
 */
export async function resolveLinkKey(db: Prisma.TransactionClient, scope: Pick<MerchantScope, "merchantId">, key: string): Promise<string> {
  const where = { merchantId: scope.merchantId, deletedAt: null };
  const byId = isUuid(key) ? await db.paymentLink.findFirst({ where: { ...where, id: key }, select: { id: true } }) : null;
  const found = byId ?? (await db.paymentLink.findFirst({ where: { ...where, externalReference: key }, select: { id: true } }));
  if (!found) throw notFound("payment_link");
  return found.id;
}

/** One of the merchant's links (not deleted) by its id or its external reference. */
export async function getLinkRecordOrThrow(scope: Pick<MerchantScope, "merchantId">, key: string, now: Date = new Date()): Promise<LinkRecord> {
  const db = getDb();
  const id = await resolveLinkKey(db, scope, key);
  return readLinkRecord(db, id, now);
}

/** A link's record by its id (already resolved for the merchant). */
export async function readLinkRecord(db: Prisma.TransactionClient, id: string, now: Date = new Date()): Promise<LinkRecord> {
  const row = await db.paymentLink.findUniqueOrThrow({ where: { id }, include: LINK_RECORD_INCLUDE });
  const [record] = await toLinkRecords(db, [row], now);
  return record!;
}
