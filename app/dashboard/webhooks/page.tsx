import type { Metadata } from "next";
import Link from "next/link";
import { SendTestEvent } from "@/components/dashboard/delivery-actions";
import { DELIVERY_STATUS_LABELS, DeliveryStatusBadge } from "@/components/dashboard/delivery-status";
import { formatDateTime } from "@/components/dashboard/format";
import { requireMerchant } from "@/lib/auth/session";
import { toSearchParams } from "@/lib/contracts/dashboard/search-params";
import { CursorPagination, totalLabel } from "@/components/dashboard/pagination";
import { DELIVERY_STATUSES, type ListDeliveriesInput } from "@/lib/domain/webhooks/schemas";
import { isAppError } from "@/lib/errors";
import { listDeliveries } from "@/lib/services/webhooks/list-deliveries";
import { listWebhookEndpoints } from "@/lib/services/webhooks/list-endpoints";

export const metadata: Metadata = { title: "Webhook deliveries" };

const PAGE_SIZE = 20;
const control = "w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2";

export default async function WebhookDeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireMerchant("/dashboard/webhooks");
  const search = toSearchParams(await searchParams);
  const endpoints = await listWebhookEndpoints(scope);
  const endpointId = search.get("endpoint") ?? undefined;
  const status = search.get("status") ?? undefined;
  let result;
  let problem: string | null = null;
  try {
    const cursor = { after: search.get("after") ?? undefined, before: search.get("before") ?? undefined };
    result = await listDeliveries(scope, { endpointId, status: status as ListDeliveriesInput["status"], ...cursor, limit: PAGE_SIZE });
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.message;
  }
  const filtered = Boolean(endpointId || status);

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Webhook deliveries</h1>
      <p className="max-w-3xl text-slate-700">
        Every signed webhook sent to your endpoints, newest first: what it was about, where it went, how the last attempt went and when the
        next one is due. Open one to see its request and response, or re-send it. Endpoints and the signing secret are in{" "}
        <Link href="/dashboard/settings" className="text-brand-700 underline">Settings</Link>.
      </p>

      <section aria-labelledby="test-event" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="test-event" className="font-semibold">Send a test event</h2>
        <SendTestEvent endpoints={endpoints.filter((e) => e.enabled).map((e) => ({ id: e.id, url: e.url }))} />
      </section>

      <form method="get" action="/dashboard/webhooks" aria-label="Filter deliveries" className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="endpoint" className="text-sm font-semibold">Endpoint</label>
          <select id="endpoint" name="endpoint" defaultValue={endpointId ?? ""} className={control}>
            <option value="">All endpoints</option>
            {endpoints.map((endpoint) => (
              <option key={endpoint.id} value={endpoint.id}>{endpoint.url}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-sm font-semibold">Status</label>
          <select id="status" name="status" defaultValue={status ?? ""} className={control}>
            <option value="">Any status</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>{DELIVERY_STATUS_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100">Filter</button>
          {filtered && <Link href="/dashboard/webhooks" className="text-brand-700 underline">Show all</Link>}
        </div>
      </form>

      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          These deliveries cannot be shown: {problem}.{" "}
          <Link href="/dashboard/webhooks" className="font-semibold underline">Show all deliveries</Link>
        </p>
      )}

      {result && result.total.count === 0 && (
        <section aria-labelledby="no-deliveries" className="flex flex-col items-start gap-2 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="no-deliveries" className="font-semibold">{filtered ? "No deliveries match these filters." : "No deliveries yet."}</h2>
          <p className="max-w-2xl text-slate-700">
            {endpoints.length === 0
              ? "Add a webhook endpoint in Settings and pick its events: each event then sends a signed webhook to it, listed here."
              : "Each event your endpoints subscribe to (a link created, a payment succeeded, ...) sends a webhook, listed here. Send a test event to try one now."}
          </p>
          {endpoints.length === 0 && <Link href="/dashboard/settings" className="text-brand-700 underline">Add a webhook endpoint</Link>}
        </section>
      )}

      {result && result.total.count > 0 && (
        <section aria-labelledby="delivery-list" className="flex flex-col gap-3">
          <h2 id="delivery-list" className="sr-only">Deliveries</h2>
          {result.items.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">There are no deliveries on this page.</p>
          ) : (
            <ul className="flex flex-col gap-3" data-testid="deliveries">
              {result.items.map((delivery) => (
                <li key={delivery.id}>
                  <article aria-labelledby={`delivery-${delivery.id}`} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="delivery">
                    <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <h3 id={`delivery-${delivery.id}`} className="min-w-0 font-semibold break-words">
                        <Link href={`/dashboard/webhooks/${delivery.id}`} className="font-mono text-brand-700 underline">
                          {delivery.type}
                        </Link>
                      </h3>
                      <DeliveryStatusBadge status={delivery.status} />
                    </header>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
                      <dt className="text-slate-600">Endpoint</dt>
                      <dd className="min-w-0 break-all" data-testid="delivery-endpoint">
                        {delivery.url}
                        {delivery.endpointId === null && " (deleted)"}
                      </dd>
                      <dt className="text-slate-600">Written</dt>
                      <dd>{formatDateTime(delivery.createdAt)}</dd>
                      <dt className="text-slate-600">Attempts</dt>
                      <dd className="tabular-nums" data-testid="delivery-attempts">{delivery.attempts}</dd>
                      <dt className="text-slate-600">Last status</dt>
                      <dd className="tabular-nums">{delivery.lastStatusCode ?? (delivery.lastError ? "no answer" : "—")}</dd>
                      <dt className="text-slate-600">Latency</dt>
                      <dd className="tabular-nums">{delivery.lastLatencyMs === null ? "—" : `${delivery.lastLatencyMs} ms`}</dd>
                      <dt className="text-slate-600">Next retry</dt>
                      <dd>{delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : "—"}</dd>
                    </dl>
                  </article>
                </li>
              ))}
            </ul>
          )}
          <CursorPagination
            path="/dashboard/webhooks"
            search={search}
            page={result}
            label={totalLabel(result.total, "delivery", "deliveries")}
            className="flex items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm"
          />
        </section>
      )}
    </div>
  );
}
