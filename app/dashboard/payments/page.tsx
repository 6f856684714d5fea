import type { Metadata } from "next";
import Link from "next/link";
import { PaymentStatusBadge } from "@/components/dashboard/status-badge";
import { requireMerchant } from "@/lib/auth/session";
import { paymentsQueryFromSearch } from "@/lib/contracts/dashboard/payments-query";
import { isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { listPayments } from "@/lib/services/payments/list-payments";
import { formatDateTime, PROVIDER_LABELS } from "@/components/dashboard/format";
import { toSearchParams } from "@/lib/contracts/dashboard/search-params";
import { CursorPagination, totalLabel } from "@/components/dashboard/pagination";

export const metadata: Metadata = { title: "Payments" };

const control = "rounded-md border border-slate-300 px-3 py-2";

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireMerchant("/dashboard/payments");
  const search = toSearchParams(await searchParams);
  let result;
  let problem: string | null = null;
  try {
    result = await listPayments(scope, paymentsQueryFromSearch(search));
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.message;
  }
  const exportParams = new URLSearchParams(search);
  for (const name of ["page", "after", "before"]) exportParams.delete(name);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Payments</h1>
        <a href={`/api/dashboard/payments.csv?${exportParams}`} download className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
          Export CSV
        </a>
      </div>
      <form method="get" aria-label="Filter payments" className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-sm font-semibold">Status</label>
          <select id="status" name="status" defaultValue={search.get("status") ?? ""} className={control}>
            <option value="">All</option>
            <option value="PENDING">Pending</option>
            <option value="SUCCESSFUL">Successful</option>
            <option value="FAILED">Failed</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="provider" className="text-sm font-semibold">Provider</label>
          <select id="provider" name="provider" defaultValue={search.get("provider") ?? ""} className={control}>
            <option value="">All</option>
            <option value="MTN_CAM">MTN Mobile Money</option>
            <option value="ORANGE_CAM">Orange Money</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-semibold">From</label>
          <input id="from" name="from" type="date" defaultValue={search.get("from") ?? ""} className={control} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-semibold">To</label>
          <input id="to" name="to" type="date" defaultValue={search.get("to") ?? ""} className={control} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600">Apply</button>
          <Link href="/dashboard/payments" className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100">Clear</Link>
        </div>
      </form>

      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          These filters cannot be used: {problem}
        </p>
      )}

      {result && (
        <>
          <section aria-labelledby="totals" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="totals" className="font-semibold">Totals for these filters</h2>
            {result.totalsAsOf && (
              <p className="text-sm text-slate-600">Summed at {formatDateTime(result.totalsAsOf)} (over 10,000 payments: refreshed every minute).</p>
            )}
            {result.totals.length === 0 ? (
              <p className="text-slate-600">No payments.</p>
            ) : (
              <ul className="mt-2 flex flex-wrap gap-4" data-testid="totals">
                {result.totals.map((total) => (
                  <li key={total.currency} className="rounded-md bg-slate-50 px-3 py-2">
                    <span className="block text-lg font-bold tabular-nums">{formatMoney(total.successfulAmountMinor, total.currency, "en-GB")}</span>
                    <span className="text-sm text-slate-600">
                      {total.successfulCount} successful of {total.count} payments
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="list" className="rounded-lg border border-slate-200 bg-white">
            <h2 id="list" className="sr-only">Payments</h2>
            {result.items.length === 0 ? (
              <p className="px-4 py-6 text-slate-600">No payments match these filters.</p>
            ) : (
              <div className="relative overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="payments">
                  <thead className="text-slate-600">
                    <tr>
                      <th scope="col" className="px-4 py-2">Date</th>
                      <th scope="col" className="px-4 py-2">Link</th>
                      <th scope="col" className="px-4 py-2">Status</th>
                      <th scope="col" className="px-4 py-2">Provider</th>
                      <th scope="col" className="px-4 py-2 text-right">Amount</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((payment) => (
                      <tr key={payment.id} className="border-t border-slate-100">
                        <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(payment.createdAt)}</td>
                        <td className="max-w-64 truncate px-4 py-2">
                          <Link href={`/dashboard/links/${payment.link.id}`} className="text-brand-700 underline">
                            {payment.link.description ?? payment.link.slug}
                          </Link>
                        </td>
                        <td className="px-4 py-2"><PaymentStatusBadge payment={payment} /></td>
                        <td className="px-4 py-2">{PROVIDER_LABELS[payment.provider]}</td>
                        <td className="px-4 py-2 text-right tabular-nums">{formatMoney(payment.amountMinor, payment.currency, "en-GB")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <CursorPagination
              path="/dashboard/payments"
              search={search}
              page={result}
              label={totalLabel(result.total, "payment", "payments")}
              className="flex items-center justify-between gap-2 border-t border-slate-100 px-4 py-3 text-sm"
            />
          </section>
        </>
      )}
    </div>
  );
}
