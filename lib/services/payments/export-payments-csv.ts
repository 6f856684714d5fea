import { getDb } from "@/lib/db/client";
import { toCsv, type CsvCell } from "@/lib/domain/csv/csv";
import type { MerchantScope } from "@/lib/domain/links/types";
import { paymentFiltersSchema, type PaymentFilters } from "@/lib/domain/payments/schemas";
import { parseOrThrow } from "@/lib/domain/validation";
import { toMajorString, fromStoredMinor } from "@/lib/money";
import { toPaymentsWhere } from "./to-payments-where";

export const PAYMENTS_CSV_HEADER = [
  "created_at",
  "transaction_id",
  "status",
  "failure_reason",
  "provider",
  "payer_phone",
  "amount",
  "currency",
  "link_slug",
  "link_description",
  "settled_at",
] as const;

/** Rows are read in batches of this size, so that a large export never holds one huge query result. */
const BATCH_SIZE = 1000;

/**
 * Every payment the list shows for the same filters (all pages), newest first, as CSV: RFC 4180
 * quoting, formula-safe text, amounts as exact major-unit decimals ("10.50" EUR, "5000" XAF),
 * times in ISO 8601 UTC. No byte-order mark: the route that serves it decides.
 */
export async function exportPaymentsCsv(scope: Pick<MerchantScope, "merchantId">, input: PaymentFilters = {}): Promise<string> {
  const filters = parseOrThrow(paymentFiltersSchema, input);
  const where = toPaymentsWhere(scope.merchantId, filters);
  const db = getDb();
  const rows: CsvCell[][] = [];
  let cursor: number | undefined;
  for (;;) {
    const batch = await db.payment.findMany({
      where,
      select: {
        number: true,
        createdAt: true,
        transactionId: true,
        status: true,
        failureReason: true,
        provider: true,
        payerPhone: true,
        amountMinor: true,
        currency: true,
        settledAt: true,
        link: { select: { slug: true, description: true } },
      },
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      take: BATCH_SIZE,
      ...(cursor !== undefined && { cursor: { number: cursor }, skip: 1 }),
    });
    for (const p of batch) {
      rows.push([
        p.createdAt.toISOString(),
        p.transactionId,
        p.status,
        p.failureReason,
        p.provider,
        p.payerPhone,
        toMajorString(fromStoredMinor(p.amountMinor), p.currency),
        p.currency,
        p.link.slug,
        p.link.description,
        p.settledAt?.toISOString() ?? null,
      ]);
    }
    if (batch.length < BATCH_SIZE) break;
    cursor = batch[batch.length - 1]!.number;
  }
  return toCsv(PAYMENTS_CSV_HEADER, rows);
}
