import type { Metadata } from "next";
import Link from "next/link";
import { PaymentStatusBadge, StatusBadge } from "@/components/dashboard/status-badge";
import { requireMerchant } from "@/lib/auth/session";
import { LINK_STATUSES } from "@/lib/domain/links/enums";
import { formatMoney } from "@/lib/money";
import { getOverview } from "@/lib/services/overview/get-overview";
import { formatDateTime } from "@/components/dashboard/format";

export const metadata: Metadata = { title: "Overview" };

const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

export default async function OverviewPage() {
  const scope = await requireMerchant("/dashboard");
  const overview = await getOverview(scope);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Overview</h1>

      <section aria-labelledby="collected" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="collected" className="font-semibold">Collected</h2>
        {overview.collected.length === 0 ? (
          <p className="mt-2 text-slate-600">Nothing collected in the last 30 days yet.</p>
        ) : (
          <div className="relative mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="collected">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-4">Currency</th>
                  <th scope="col" className="py-1 pr-4 text-right">Today</th>
                  <th scope="col" className="py-1 pr-4 text-right">7 days</th>
                  <th scope="col" className="py-1 text-right">30 days</th>
                </tr>
              </thead>
              <tbody>
                {overview.collected.map((row) => (
                  <tr key={row.currency} className="border-t border-slate-100 tabular-nums">
                    <th scope="row" className="py-1.5 pr-4 font-semibold">{row.currency}</th>
                    <td className="py-1.5 pr-4 text-right">{formatMoney(row.today, row.currency, "en-GB")}</td>
                    <td className="py-1.5 pr-4 text-right">{formatMoney(row.last7Days, row.currency, "en-GB")}</td>
                    <td className="py-1.5 text-right">{formatMoney(row.last30Days, row.currency, "en-GB")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <section aria-labelledby="by-status" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="by-status" className="font-semibold">Links by status</h2>
          <ul className="mt-2 grid grid-cols-2 gap-2">
            {[...LINK_STATUSES.slice(0, 1), "AWAITING_PAYMENT" as const, ...LINK_STATUSES.slice(1)].map((status) => (
              <li key={status}>
                <Link href={`/dashboard/links?status=${status}`} className="flex items-center justify-between rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50">
                  <StatusBadge status={status} />
                  <span className="text-lg font-bold tabular-nums">{overview.linksByStatus[status]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="conversion" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="conversion" className="font-semibold">Conversion, last 30 days</h2>
          <p className="mt-2 text-3xl font-bold">{percent.format(overview.conversion.rate)}</p>
          <p className="text-sm text-slate-600">
            {overview.conversion.paidLinks} links paid for {overview.conversion.views} pay-page views
          </p>
        </section>
      </div>

      <section aria-labelledby="latest" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="latest" className="border-b border-slate-100 px-4 py-3 font-semibold">Latest payments</h2>
        {overview.latestPayments.length === 0 ? (
          <p className="px-4 py-3 text-slate-600">No payments yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {overview.latestPayments.map((payment) => (
              <li key={payment.id}>
                <Link href={`/dashboard/links/${payment.link.id}`} className="grid grid-cols-[1fr_auto] gap-x-4 px-4 py-2 text-sm hover:bg-slate-50 sm:grid-cols-[1fr_8rem_7rem_10rem]">
                  <span className="truncate">{payment.link.description ?? payment.link.slug}</span>
                  <span className="text-right tabular-nums">{formatMoney(payment.amountMinor, payment.currency, "en-GB")}</span>
                  <span><PaymentStatusBadge payment={payment} /></span>
                  <span className="text-right text-slate-600">{formatDateTime(payment.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
