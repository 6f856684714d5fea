/**
 * Payments read by their sequential `number`, for the contracts whose ids are integers (Sylius).
 * Each comes with the number of its link, the integer name of the thing the customer checked out.
 * Only the merchant's own payments: another merchant's number is NOT_FOUND, never FORBIDDEN.
 */
import { z } from "zod";
import { getDb, type Prisma } from "@/lib/db/client";
import type { MerchantScope, Payment } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { notFound } from "@/lib/errors";
import type { Page } from "@/lib/services/links/list-links";
import { MAX_PAYMENTS_PAGE_SIZE, PAYMENT_SORT_FIELDS, type PaymentSort, type PaymentSortField } from "./payment-sort";
import { toPayment } from "./to-payment";

export interface NumberedPayment extends Payment {
  /** The `number` of the payment's link. */
  linkNumber: number;
}

/** The largest value of an INTEGER column: a larger number names no row. */
const MAX_NUMBER = 2_147_483_647;

const listInputSchema = z.object({
  page: z.int({ error: "page must be a positive integer" }).min(1, "page must be a positive integer").default(1),
  limit: z
    .int({ error: `limit must be an integer between 1 and ${MAX_PAYMENTS_PAGE_SIZE}` })
    .min(1, `limit must be an integer between 1 and ${MAX_PAYMENTS_PAGE_SIZE}`)
    .max(MAX_PAYMENTS_PAGE_SIZE, `limit must be an integer between 1 and ${MAX_PAYMENTS_PAGE_SIZE}`)
    .default(10),
  /** Applied in this order; the oldest first when empty. Ties are broken by number. */
  sort: z
    .array(z.object({ field: z.enum(PAYMENT_SORT_FIELDS, { error: `sort field must be one of ${PAYMENT_SORT_FIELDS.join(", ")}` }), direction: z.enum(["asc", "desc"]) }))
    .default([]),
});
export type ListNumberedPaymentsInput = z.input<typeof listInputSchema>;

const WITH_LINK_NUMBER = { link: { select: { number: true } } } as const;
const COLUMN: Readonly<Record<PaymentSortField, "amountMinor" | "createdAt" | "updatedAt">> = {
  amount: "amountMinor",
  createdAt: "createdAt",
  updatedAt: "updatedAt",
};

export function isRowNumber(number: number): boolean {
  return Number.isSafeInteger(number) && number >= 1 && number <= MAX_NUMBER;
}

export async function getPaymentByNumberOrThrow(scope: Pick<MerchantScope, "merchantId">, number: number): Promise<NumberedPayment> {
  if (!isRowNumber(number)) throw notFound("payment");
  const row = await getDb().payment.findFirst({ where: { number, merchantId: scope.merchantId }, include: WITH_LINK_NUMBER });
  if (!row) throw notFound("payment");
  return toNumberedPayment(row);
}

/** The merchant's payments, sorted as asked (oldest first by default), one page of them. */
export async function listNumberedPayments(
  scope: Pick<MerchantScope, "merchantId">,
  input: ListNumberedPaymentsInput = {},
): Promise<Page<NumberedPayment>> {
  const query = parseOrThrow(listInputSchema, input);
  const sort: PaymentSort[] = query.sort.length ? dedupe(query.sort) : [{ field: "createdAt", direction: "asc" }];
  const tieBreak = sort.find((s) => s.field === "createdAt")?.direction ?? "asc";
  const orderBy: Prisma.PaymentOrderByWithRelationInput[] = [
    ...sort.map((s) => ({ [COLUMN[s.field]]: s.direction })),
    { number: tieBreak },
  ];
  const where = { merchantId: scope.merchantId };
  const db = getDb();
  const [rows, total] = await db.$transaction([
    db.payment.findMany({ where, orderBy, include: WITH_LINK_NUMBER, skip: (query.page - 1) * query.limit, take: query.limit }),
    db.payment.count({ where }),
  ]);
  return { items: rows.map(toNumberedPayment), page: query.page, limit: query.limit, total, totalPages: Math.ceil(total / query.limit) };
}

/** A field sorted twice keeps its first place and direction. */
function dedupe(sort: PaymentSort[]): PaymentSort[] {
  const seen = new Set<PaymentSortField>();
  return sort.filter((s) => !seen.has(s.field) && seen.add(s.field));
}

export function toNumberedPayment(row: Parameters<typeof toPayment>[0] & { link: { number: number } }): NumberedPayment {
  const { link, ...payment } = row;
  return { ...toPayment(payment), linkNumber: link.number };
}
