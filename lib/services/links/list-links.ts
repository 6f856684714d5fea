import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { LinkStatus } from "@/lib/domain/links/enums";
import { listLinksInputSchema, type ListLinksInput } from "@/lib/domain/links/schemas";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { readCursorPage, type CursorPage } from "@/lib/services/paging/cursor-page";
import type { KeyColumn } from "@/lib/services/paging/keyset";
import { readNumberedPage, type NumberedPage } from "@/lib/services/paging/numbered-page";
import { toPaymentLink } from "./to-payment-link";

/** A numbered page (page=N), with the total (see lib/services/paging/numbered-page.ts for how fresh it is). */
export type Page<T> = NumberedPage<T>;

type ParsedQuery = z.output<typeof listLinksInputSchema>;

/**
 * The merchant's links, filtered by effective status (expiry counts), searched, sorted, by
 * numbered page (the Instanvi list): exact up to 10,000 matching links, and as fast at page
 * 49,000 as at page 1 beyond (numbered-page.ts).
 */
export async function listLinks(
  scope: Pick<MerchantScope, "merchantId">,
  input: ListLinksInput = {},
  now: Date = new Date(),
): Promise<Page<PaymentLink>> {
  const query = parseOrThrow(listLinksInputSchema, input);
  const columns = keyColumns(query);
  const db = getDb();
  const page = await readNumberedPage(
    {
      cacheKey: `links|${scope.merchantId}|${JSON.stringify({ ...query, page: undefined, limit: undefined })}`,
      columns,
      idField: "id",
      where: linksWhere(scope.merchantId, query, now),
      findMany: (args) => db.paymentLink.findMany(args as Prisma.PaymentLinkFindManyArgs),
      findKeys: (args) => db.paymentLink.findMany({ ...(args as Prisma.PaymentLinkFindManyArgs), select: KEY_SELECT }),
      count: (args) => db.paymentLink.count(args as Prisma.PaymentLinkCountArgs),
    },
    query.page,
    query.limit,
  );
  return { ...page, items: page.items.map((row) => toPaymentLink(row, now)) };
}

export const listLinksByCursorInputSchema = listLinksInputSchema.omit({ page: true }).extend({
  after: z.string({ error: "after must be a cursor" }).max(500, "after is not a cursor of this list").optional(),
  before: z.string({ error: "before must be a cursor" }).max(500, "before is not a cursor of this list").optional(),
});
export type ListLinksByCursorInput = z.input<typeof listLinksByCursorInputSchema>;

/**
 * The same list by cursor (the dashboard): Next and Previous, every page as fast as the first,
 * and how many links match, exactly up to 500.
 */
export async function listLinksByCursor(
  scope: Pick<MerchantScope, "merchantId">,
  input: ListLinksByCursorInput = {},
  now: Date = new Date(),
): Promise<CursorPage<PaymentLink>> {
  const query = parseOrThrow(listLinksByCursorInputSchema, input);
  const db = getDb();
  const page = await readCursorPage(
    {
      columns: keyColumns(query),
      where: linksWhere(scope.merchantId, query, now),
      findMany: (args) => db.paymentLink.findMany(args as Prisma.PaymentLinkFindManyArgs),
      count: (args) => db.paymentLink.count(args as Prisma.PaymentLinkCountArgs),
    },
    { limit: query.limit, after: query.after, before: query.before },
  );
  return { ...page, items: page.items.map((row) => toPaymentLink(row, now)) };
}

/** Every column of either order's key (an index holds them with the merchant). */
const KEY_SELECT = { amountMinor: true, createdAt: true, id: true } as const satisfies Prisma.PaymentLinkSelect;

/** The order of the list, ending with the id so that every link has its own place. */
function keyColumns(query: Pick<ParsedQuery, "sort" | "order">): KeyColumn[] {
  return query.sort === "amount"
    ? [
        { field: "amountMinor", direction: query.order, type: "bigint" },
        { field: "createdAt", direction: "desc", type: "date" },
        { field: "id", direction: "asc", type: "uuid" },
      ]
    : [
        { field: "createdAt", direction: query.order, type: "date" },
        { field: "id", direction: query.order, type: "uuid" },
      ];
}

function linksWhere(merchantId: string, query: Omit<ParsedQuery, "page">, now: Date): Prisma.PaymentLinkWhereInput {
  const filters: Prisma.PaymentLinkWhereInput[] = [{ merchantId }];
  if (query.status) filters.push(effectiveStatusFilter(query.status, now));
  // With PAID: awaiting payment (uses still held by pending payments) or paid in money.
  if (query.awaitingPayment !== undefined) filters.push({ pendingUses: query.awaitingPayment ? { gt: 0 } : 0 });
  if (query.currency) filters.push({ currency: query.currency });
  if (query.createdFrom) filters.push({ createdAt: { gte: query.createdFrom } });
  if (query.createdTo) filters.push({ createdAt: { lte: query.createdTo } });
  if (query.search) {
    // Each column has a trigram index (prisma/migrations/20261125100000_list_indexes).
    const contains = { contains: query.search, mode: "insensitive" } as const;
    filters.push({
      OR: [{ description: contains }, { merchantReference: contains }, { invoiceReference: contains }, { slug: contains }],
    });
  }
  return { AND: filters };
}

/** The stored-status condition that matches effectiveStatus() in the database. */
function effectiveStatusFilter(status: LinkStatus, now: Date): Prisma.PaymentLinkWhereInput {
  switch (status) {
    case "ACTIVE":
      return { status: "ACTIVE", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    case "EXPIRED":
      return { OR: [{ status: "EXPIRED" }, { status: "ACTIVE", expiresAt: { lte: now } }] };
    case "PAID":
    case "CANCELLED":
      return { status };
  }
}
