import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, isUuid } from "@/lib/db/client";
import type { DeliveryMethod } from "@/lib/domain/links/enums";
import type { Actor, MerchantScope } from "@/lib/domain/links/types";
import { currencyExponent } from "@/lib/money";
import type { Page } from "./list-links";
import { LINK_RECORD_INCLUDE, linkIdsLastEditedBy, toLinkRecords, type LinkRecord } from "./link-records";

/** Every condition is an exact match; they all apply (AND). */
export interface LinkRecordFilter {
  id?: string;
  externalReference?: string;
  /** The merchant's own id also matches links with no location (they are the merchant's). */
  locationId?: string;
  contactId?: string;
  cardProductId?: string;
  bankProductId?: string;
  /** Compared without regard to case. */
  customerEmail?: string;
  customerPhone?: string;
  description?: string;
  currency?: string;
  deliveryMethod?: DeliveryMethod;
  /** An amount in major units ("5000", "10.50"): it matches each link in that link's currency. */
  amountMajor?: string;
  paidInFull?: boolean;
  active?: boolean;
  showReceiptDetails?: boolean;
  showBillingFields?: boolean;
  createdAt?: { gte: Date; lt: Date };
  updatedAt?: { gte: Date; lt: Date };
  expiresAt?: { gt: Date; lte: Date };
  /** Created by one of these actors. */
  createdBy?: Actor[];
  /** Last changed by one of these actors (as LinkRecord.lastEditedBy reads it). */
  lastEditedBy?: Actor[];
}

export const LINK_RECORD_SORT_FIELDS = [
  "id",
  "createdAt",
  "updatedAt",
  "amount",
  "expiresAt",
  "customerEmail",
  "customerPhone",
  "description",
  "deliveryMethod",
  "externalReference",
  "locationId",
] as const;
export type LinkRecordSortField = (typeof LINK_RECORD_SORT_FIELDS)[number];

export interface LinkRecordQuery {
  filter?: LinkRecordFilter;
  /** Applied in order; ties end with the id. Newest first when empty. */
  sort?: { field: LinkRecordSortField; direction: "asc" | "desc" }[];
  page: number;
  pageSize: number;
}

/** The merchant's links that are not deleted, filtered, sorted and paginated, as records. */
export async function listLinkRecords(scope: Pick<MerchantScope, "merchantId">, query: LinkRecordQuery, now: Date = new Date()): Promise<Page<LinkRecord>> {
  const db = getDb();
  const where = await whereOf(db, scope.merchantId, query.filter ?? {});
  const sort = query.sort?.length ? query.sort : [{ field: "createdAt" as const, direction: "desc" as const }];
  const orderBy: Prisma.PaymentLinkOrderByWithRelationInput[] = sort.map(({ field, direction }) =>
    field === "amount" ? { amountMinor: direction } : ({ [field]: direction } as Prisma.PaymentLinkOrderByWithRelationInput),
  );
  if (!sort.some((s) => s.field === "id")) orderBy.push({ id: sort[0]!.direction });
  const [rows, total] = await db.$transaction([
    db.paymentLink.findMany({ where, orderBy, skip: (query.page - 1) * query.pageSize, take: query.pageSize, include: LINK_RECORD_INCLUDE }),
    db.paymentLink.count({ where }),
  ]);
  return {
    items: await toLinkRecords(db, rows, now),
    page: query.page,
    limit: query.pageSize,
    total,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

const NOTHING: Prisma.PaymentLinkWhereInput = { id: { in: [] } };

async function whereOf(db: Prisma.TransactionClient, merchantId: string, filter: LinkRecordFilter): Promise<Prisma.PaymentLinkWhereInput> {
  const and: Prisma.PaymentLinkWhereInput[] = [{ merchantId, deletedAt: null }];
  const equal = <K extends keyof Prisma.PaymentLinkWhereInput>(column: K, value: Prisma.PaymentLinkWhereInput[K] | undefined) => {
    if (value !== undefined) and.push({ [column]: value });
  };
  if (filter.id !== undefined) and.push(isUuid(filter.id) ? { id: filter.id } : NOTHING);
  equal("externalReference", filter.externalReference);
  if (filter.locationId !== undefined) {
    and.push(filter.locationId === merchantId ? { OR: [{ locationId: null }, { locationId: merchantId }] } : { locationId: filter.locationId });
  }
  equal("contactId", filter.contactId);
  equal("cardProductId", filter.cardProductId);
  equal("bankProductId", filter.bankProductId);
  if (filter.customerEmail !== undefined) and.push({ customerEmail: { equals: filter.customerEmail, mode: "insensitive" } });
  equal("customerPhone", filter.customerPhone);
  equal("description", filter.description);
  equal("currency", filter.currency);
  equal("deliveryMethod", filter.deliveryMethod);
  equal("showReceiptDetails", filter.showReceiptDetails);
  equal("showBillingFields", filter.showBillingFields);
  if (filter.active !== undefined) and.push({ deactivatedAt: filter.active ? null : { not: null } });
  if (filter.paidInFull !== undefined) {
    const paid: Prisma.PaymentLinkWhereInput = { status: "PAID", payments: { none: { status: "PENDING" } } };
    and.push(filter.paidInFull ? paid : { NOT: paid });
  }
  equal("createdAt", filter.createdAt);
  equal("updatedAt", filter.updatedAt);
  equal("expiresAt", filter.expiresAt);
  if (filter.createdBy !== undefined) and.push({ createdBy: { in: filter.createdBy } });
  if (filter.amountMajor !== undefined) and.push(await amountCondition(db, merchantId, filter.amountMajor));
  if (filter.lastEditedBy !== undefined) and.push({ id: { in: await linkIdsLastEditedBy(db, merchantId, filter.lastEditedBy) } });
  return { AND: and };
}

/** A major-unit amount as minor units in each currency the merchant's links use (where it is exact). */
async function amountCondition(db: Prisma.TransactionClient, merchantId: string, major: string): Promise<Prisma.PaymentLinkWhereInput> {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(major.trim());
  if (!match) return NOTHING;
  const [, whole = "", fraction = ""] = match;
  const currencies = await db.paymentLink.findMany({ where: { merchantId }, distinct: ["currency"], select: { currency: true } });
  const options = currencies.flatMap(({ currency }): Prisma.PaymentLinkWhereInput[] => {
    const exponent = currencyExponent(currency);
    if (/[1-9]/.test(fraction.slice(exponent))) return [];
    const minor = BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, "0"));
    return [{ currency, amountMinor: minor }];
  });
  return options.length ? { OR: options } : NOTHING;
}
