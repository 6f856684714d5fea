import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { LinkStatus } from "@/lib/domain/links/enums";
import { listLinksInputSchema, type ListLinksInput } from "@/lib/domain/links/schemas";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { toPaymentLink } from "./to-payment-link";

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

/** The merchant's links, filtered by effective status (expiry counts), searched, sorted, paginated. */
export async function listLinks(
  scope: Pick<MerchantScope, "merchantId">,
  input: ListLinksInput = {},
  now: Date = new Date(),
): Promise<Page<PaymentLink>> {
  const query = parseOrThrow(listLinksInputSchema, input);
  const filters: Prisma.PaymentLinkWhereInput[] = [{ merchantId: scope.merchantId }];
  if (query.status) filters.push(effectiveStatusFilter(query.status, now));
  if (query.currency) filters.push({ currency: query.currency });
  if (query.createdFrom) filters.push({ createdAt: { gte: query.createdFrom } });
  if (query.createdTo) filters.push({ createdAt: { lte: query.createdTo } });
  if (query.search) {
    const contains = { contains: query.search, mode: "insensitive" } as const;
    filters.push({
      OR: [{ description: contains }, { merchantReference: contains }, { invoiceReference: contains }, { slug: contains }],
    });
  }
  const where: Prisma.PaymentLinkWhereInput = { AND: filters };
  const orderBy: Prisma.PaymentLinkOrderByWithRelationInput[] =
    query.sort === "amount"
      ? [{ amountMinor: query.order }, { createdAt: "desc" }, { id: "asc" }]
      : [{ createdAt: query.order }, { id: query.order }];

  const db = getDb();
  const [rows, total] = await db.$transaction([
    db.paymentLink.findMany({ where, orderBy, skip: (query.page - 1) * query.limit, take: query.limit }),
    db.paymentLink.count({ where }),
  ]);
  return {
    items: rows.map((row) => toPaymentLink(row, now)),
    page: query.page,
    limit: query.limit,
    total,
    totalPages: Math.ceil(total / query.limit),
  };
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
