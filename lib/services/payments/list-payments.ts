import { z } from "zod";
import { getDb, type Prisma } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { paymentFiltersSchema } from "@/lib/domain/payments/schemas";
import type { PaymentTotals, PaymentWithLink } from "@/lib/domain/payments/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { fromStoredMinor } from "@/lib/money";
import { cachedAggregate, peekAggregate } from "@/lib/services/paging/cached-aggregate";
import { readCursorPage, type CursorPage } from "@/lib/services/paging/cursor-page";
import type { KeyColumn } from "@/lib/services/paging/keyset";
import { PAYMENT_LINK_SUMMARY, toPaymentWithLink } from "./to-payment-with-link";
import { toPaymentsWhere } from "./to-payments-where";

export interface PaymentsPage extends CursorPage<PaymentWithLink> {
  /** Over the whole filtered set (not just this page), one entry per currency, by currency code. */
  totals: PaymentTotals[];
  /** null: the totals are exact now; else when they were summed (more than TOTALS_EXACT_UP_TO payments). */
  totalsAsOf: Date | null;
}

const cursor = (name: "after" | "before") =>
  z.string({ error: `${name} must be a cursor` }).max(500, `${name} is not a cursor of this list`).optional();

export const listPaymentsInputSchema = paymentFiltersSchema.safeExtend({
  after: cursor("after"),
  before: cursor("before"),
  limit: z
    .int({ error: "limit must be an integer between 1 and 200" })
    .min(1, "limit must be an integer between 1 and 200")
    .max(200, "limit must be an integer between 1 and 200")
    .default(20),
});
export type ListPaymentsInput = z.input<typeof listPaymentsInputSchema>;

/** Newest first; the number (unique) breaks ties. */
const KEY: KeyColumn[] = [
  { field: "createdAt", direction: "desc", type: "date" },
  { field: "number", direction: "desc", type: "int" },
];

/** Up to this many payments, the totals are summed on each request; beyond, once a minute. */
export const TOTALS_EXACT_UP_TO = 10_000;
export const TOTALS_TTL_MS = 60_000;

/**
 * The merchant's payments, newest first, filtered, by cursor (every page as fast as the first),
 * with each payment's link and per-currency totals of the filtered set (counted and summed in
 * the database: on each request up to 10,000 payments, beyond at most a minute before).
 */
export async function listPayments(scope: Pick<MerchantScope, "merchantId">, input: ListPaymentsInput = {}): Promise<PaymentsPage> {
  const query = parseOrThrow(listPaymentsInputSchema, input);
  const where = toPaymentsWhere(scope.merchantId, query);
  const db = getDb();

  const [page, totals] = await Promise.all([
    readCursorPage(
      {
        columns: KEY,
        where,
        findMany: (args) => db.payment.findMany({ ...(args as Prisma.PaymentFindManyArgs), include: { link: PAYMENT_LINK_SUMMARY } }),
        count: (args) => db.payment.count(args as Prisma.PaymentCountArgs),
      },
      { limit: query.limit, after: query.after, before: query.before },
    ),
    readTotals(scope.merchantId, query, where),
  ]);
  return { ...page, items: page.items.map(toPaymentWithLink), ...totals };
}

async function readTotals(
  merchantId: string,
  query: z.output<typeof listPaymentsInputSchema>,
  where: Prisma.PaymentWhereInput,
): Promise<{ totals: PaymentTotals[]; totalsAsOf: Date | null }> {
  const filters = { status: query.status, provider: query.provider, linkId: query.linkId, from: query.from, to: query.to };
  const key = `payment totals|${merchantId}|${JSON.stringify(filters)}`;
  // A set summed above the cap a moment ago is not probed again (counting 10,000 rows costs more than the page).
  const previous = peekAggregate<PaymentTotals[]>(key);
  const knownMany = previous !== undefined && previous.value.reduce((sum, t) => sum + t.count, 0) > TOTALS_EXACT_UP_TO;
  const many = knownMany || (await getDb().payment.count({ where, take: TOTALS_EXACT_UP_TO + 1 })) > TOTALS_EXACT_UP_TO;
  if (!many) return { totals: await sumByCurrency(where), totalsAsOf: null };
  const cached = await cachedAggregate(key, TOTALS_TTL_MS, () => sumByCurrency(where));
  return { totals: cached.value, totalsAsOf: cached.asOf };
}

async function sumByCurrency(where: Prisma.PaymentWhereInput): Promise<PaymentTotals[]> {
  const db = getDb();
  const [all, successful] = await Promise.all([
    db.payment.groupBy({ by: ["currency"], where, _count: { _all: true }, orderBy: { currency: "asc" } }),
    db.payment.groupBy({
      by: ["currency"],
      where: { AND: [where, { status: "SUCCESSFUL" }] },
      _count: { _all: true },
      _sum: { amountMinor: true },
      orderBy: { currency: "asc" },
    }),
  ]);
  const successByCurrency = new Map(successful.map((group) => [group.currency, group]));
  return all.map((group): PaymentTotals => {
    const success = successByCurrency.get(group.currency);
    return {
      currency: group.currency,
      count: group._count._all,
      successfulCount: success?._count._all ?? 0,
      successfulAmountMinor: fromStoredMinor(success?._sum.amountMinor ?? 0n),
    };
  });
}
