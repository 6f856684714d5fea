import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { listPaymentsInputSchema, type ListPaymentsInput } from "@/lib/domain/payments/schemas";
import type { PaymentTotals, PaymentWithLink } from "@/lib/domain/payments/types";
import { parseOrThrow } from "@/lib/domain/validation";
import type { Page } from "@/lib/services/links/list-links";
import { PAYMENT_LINK_SUMMARY, toPaymentWithLink } from "./to-payment-with-link";
import { toPaymentsWhere } from "./to-payments-where";
import { fromStoredMinor } from "@/lib/money";

export interface PaymentsPage extends Page<PaymentWithLink> {
  /** Over the whole filtered set (not just this page), one entry per currency, by currency code. */
  totals: PaymentTotals[];
}

/**
 * The merchant's payments, newest first, filtered and paginated, with each payment's link and
 * per-currency totals of the filtered set (counted and summed in the database).
 */
export async function listPayments(scope: Pick<MerchantScope, "merchantId">, input: ListPaymentsInput = {}): Promise<PaymentsPage> {
  const query = parseOrThrow(listPaymentsInputSchema, input);
  const where = toPaymentsWhere(scope.merchantId, query);
  const db = getDb();

  const [rows, total, all, successful] = await Promise.all([
    db.payment.findMany({
      where,
      include: { link: PAYMENT_LINK_SUMMARY },
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
    db.payment.count({ where }),
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
  const totals = all.map((group): PaymentTotals => {
    const success = successByCurrency.get(group.currency);
    return {
      currency: group.currency,
      count: group._count._all,
      successfulCount: success?._count._all ?? 0,
      successfulAmountMinor: fromStoredMinor(success?._sum.amountMinor ?? 0n),
    };
  });

  return {
    items: rows.map(toPaymentWithLink),
    page: query.page,
    limit: query.limit,
    total,
    totalPages: Math.ceil(total / query.limit),
    totals,
  };
}
