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
import type { KeyColumn } from "@/lib/services/paging/keyset";
import { readNumberedPage } from "@/lib/services/paging/numbered-page";
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

/**
 * The merchant's payments, sorted as asked (oldest first by default), one numbered page of them:
 * exact up to 10,000 payments, and as fast at page 49,000 as at page 1 beyond (the total then
 * counted at most a minute before: lib/services/paging/numbered-page.ts).
 */
export async function listNumberedPayments(
  scope: Pick<MerchantScope, "merchantId">,
  input: ListNumberedPaymentsInput = {},
): Promise<Page<NumberedPayment>> {
  const query = parseOrThrow(listInputSchema, input);
  const sort: PaymentSort[] = query.sort.length ? dedupe(query.sort) : [{ field: "createdAt", direction: "asc" }];
  const tieBreak = sort.find((s) => s.field === "createdAt")?.direction ?? "asc";
  const columns: KeyColumn[] = [
    ...sort.map((s): KeyColumn => ({ field: COLUMN[s.field], direction: s.direction, type: s.field === "amount" ? "bigint" : "date" })),
    { field: "number", direction: tieBreak, type: "int" },
  ];
  const db = getDb();
  const page = await readNumberedPage(
    {
      cacheKey: `payments|${scope.merchantId}|${JSON.stringify(columns)}`,
      columns,
      idField: "number",
      where: { merchantId: scope.merchantId },
      findMany: (args) => db.payment.findMany({ ...(args as Prisma.PaymentFindManyArgs), include: WITH_LINK_NUMBER }),
      findKeys: (args) => db.payment.findMany({ ...(args as Prisma.PaymentFindManyArgs), select: KEY_SELECT }),
      count: (args) => db.payment.count(args as Prisma.PaymentCountArgs),
    },
    query.page,
    query.limit,
  );
  return { ...page, items: page.items.map(toNumberedPayment) };
}

/** Every column a key can hold. */
const KEY_SELECT = { amountMinor: true, createdAt: true, updatedAt: true, number: true } as const satisfies Prisma.PaymentSelect;

/** A field sorted twice keeps its first place and direction. */
function dedupe(sort: PaymentSort[]): PaymentSort[] {
  const seen = new Set<PaymentSortField>();
  return sort.filter((s) => !seen.has(s.field) && seen.add(s.field));
}

export function toNumberedPayment(row: Parameters<typeof toPayment>[0] & { link: { number: number } }): NumberedPayment {
  const { link, ...payment } = row;
  return { ...toPayment(payment), linkNumber: link.number };
}
