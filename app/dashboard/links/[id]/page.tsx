import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkActions } from "@/components/dashboard/link-actions";
import { LinkQr } from "@/components/dashboard/link-qr";
import { LinkStatusBadge, PaymentStatusBadge } from "@/components/dashboard/status-badge";
import { CopyButton } from "@/components/ui/copy-button";
import { requireMerchant } from "@/lib/auth/session";
import { payPageUrl, shortUrl } from "@/lib/domain/links/urls";
import { publicBaseUrlFromHeaders } from "@/lib/http/request-info";
import { isAppError } from "@/lib/errors";
import { needsRefund } from "@/lib/domain/payments/standing";
import { formatMoney } from "@/lib/money";
import { isModeAvailable } from "@/lib/services/payments/payment-modes";
import { getLinkOrThrow } from "@/lib/services/links/get-link";
import { getLinkTimeline } from "@/lib/services/links/get-link-timeline";
import { listLinkPayments } from "@/lib/services/links/list-link-payments";
import { formatDateTime, PROVIDER_LABELS } from "@/components/dashboard/format";

export const metadata: Metadata = { title: "Payment link" };


export default async function LinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireMerchant(`/dashboard/links/${id}`);
  let link;
  try {
    link = await getLinkOrThrow(scope, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [payments, timeline] = await Promise.all([listLinkPayments(scope, id), getLinkTimeline(scope, id)]);
  const base = publicBaseUrlFromHeaders(await headers());
  const payUrl = payPageUrl(link.slug, {}, base);
  const shortLinkUrl = shortUrl(link.shortCode, base);
  const editable = link.status !== "PAID" && link.status !== "CANCELLED";
  const toRefund = payments.filter(needsRefund);

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href="/dashboard/links" className="text-brand-700 underline">
          Payment links
        </Link>
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold">{link.description ?? link.slug}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <span className="text-3xl font-bold tabular-nums" data-testid="link-amount">
              {formatMoney(link.amountMinor, link.currency, "en-GB")}
            </span>
            <LinkStatusBadge link={link} />
            {link.mode === "SANDBOX" && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">Sandbox</span>}
          </p>
        </div>
        {editable && (
          <LinkActions
            id={link.id}
            description={link.description ?? ""}
            expiresAtIso={link.expiresAt?.toISOString() ?? null}
            maxUses={link.maxUses}
            currentUses={link.currentUses}
            metadata={Object.entries(link.metadata).map(([key, value]) => ({ key, value: typeof value === "string" ? value : JSON.stringify(value) }))}
          />
        )}
      </div>

      {link.mode === "LIVE" && !isModeAvailable("LIVE") && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          This is a live link, and live payments are not configured on this server (no live MTN Mobile Money or Orange Money account): it cannot be paid.
        </p>
      )}
      {toRefund.length > 0 && (
        <p role="alert" data-testid="over-collected" className="rounded-md border border-orange-300 bg-orange-50 p-3 text-sm text-orange-950">
          {toRefund.length === 1 ? "One payment" : `${toRefund.length} payments`} arrived after this link had been paid by another:{" "}
          {toRefund.map((payment) => formatMoney(payment.amountMinor, payment.currency, "en-GB") + ` from +${payment.payerPhone}`).join(", ")}.
          Refund {toRefund.length === 1 ? "this payer" : "these payers"}.
        </p>
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="share" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="share" className="font-semibold">Share</h2>
          {[
            ["Pay URL", payUrl],
            ["Short URL", shortLinkUrl],
          ].map(([label, url]) => (
            <div key={label} className="flex flex-col gap-1">
              <span className="text-sm text-slate-600">{label}</span>
              <div className="flex items-center gap-2">
                <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1.5 text-sm">{url}</code>
                <CopyButton value={url!} label={`Copy ${label!.toLowerCase()}`} />
              </div>
            </div>
          ))}
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-600">Uses</dt>
              <dd className="font-semibold" data-testid="link-uses">
                {link.currentUses} of {link.maxUses}
                {link.pendingUses > 0 && <span className="block text-xs font-normal text-amber-900">{link.pendingUses} awaiting payment</span>}
              </dd>
            </div>
            <div><dt className="text-slate-600">Expires</dt><dd className="font-semibold">{link.expiresAt ? formatDateTime(link.expiresAt) : "Never"}</dd></div>
            <div><dt className="text-slate-600">Created</dt><dd className="font-semibold">{formatDateTime(link.createdAt)}</dd></div>
            <div><dt className="text-slate-600">Reference</dt><dd className="font-semibold break-all">{link.merchantReference ?? "—"}</dd></div>
          </dl>
          {Object.keys(link.metadata).length > 0 && (
            <div className="text-sm">
              <h3 className="font-semibold">Metadata</h3>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4">
                {Object.entries(link.metadata).map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-slate-600">{key}</dt>
                    <dd className="break-all">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
                  </div>
                ))}
              </dl>
            </div>
          )}
        </section>
        <section aria-label="QR code" className="rounded-lg border border-slate-200 bg-white p-4">
          <LinkQr url={payUrl} slug={link.slug} />
        </section>
      </div>

      <section aria-labelledby="payments" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="payments" className="border-b border-slate-100 px-4 py-3 font-semibold">Payments</h2>
        {payments.length === 0 ? (
          <p className="px-4 py-3 text-slate-600">No payments yet.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2">Date</th>
                  <th scope="col" className="px-4 py-2">Status</th>
                  <th scope="col" className="px-4 py-2">Provider</th>
                  <th scope="col" className="px-4 py-2">Phone</th>
                  <th scope="col" className="px-4 py-2 text-right">Amount</th>
                  <th scope="col" className="px-4 py-2">Transaction</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((payment) => (
                  <tr key={payment.id} className="border-t border-slate-100">
                    <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(payment.createdAt)}</td>
                    <td className="px-4 py-2"><PaymentStatusBadge payment={payment} />{payment.status === "FAILED" && payment.failureReason && <span className="ml-2 text-slate-600">{payment.failureReason}</span>}</td>
                    <td className="px-4 py-2">{PROVIDER_LABELS[payment.provider]}</td>
                    <td className="px-4 py-2 font-mono">+{payment.payerPhone}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatMoney(payment.amountMinor, payment.currency, "en-GB")}</td>
                    <td className="px-4 py-2 font-mono text-xs break-all">{payment.transactionId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="timeline" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="timeline" className="border-b border-slate-100 px-4 py-3 font-semibold">Timeline</h2>
        <ol className="flex flex-col gap-2 px-4 py-3 text-sm">
          {timeline.map((event) => (
            <li key={event.id} className="grid grid-cols-[9rem_1fr] gap-2">
              <time dateTime={event.createdAt.toISOString()} className="text-slate-600">{formatDateTime(event.createdAt)}</time>
              <span>
                <span className="font-semibold">{event.type}</span> <span className="text-slate-600">by {event.actor}</span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
