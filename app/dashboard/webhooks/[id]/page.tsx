import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResendDelivery } from "@/components/dashboard/delivery-actions";
import { DELIVERY_STATUS_EXPLAINED, DeliveryStatusBadge } from "@/components/dashboard/delivery-status";
import { formatDateTime } from "@/components/dashboard/format";
import { requireMerchant } from "@/lib/auth/session";
import type { DeliveryDetail } from "@/lib/domain/webhooks/types";
import { AppErrorCode, isAppError } from "@/lib/errors";
import { getDelivery } from "@/lib/services/webhooks/get-delivery";

export const metadata: Metadata = { title: "Webhook delivery" };

interface RecordedRequest {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** The sender records `{method, url, headers, body}`; anything else is shown as it is. */
function asRequest(value: unknown): RecordedRequest | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const request = value as Record<string, unknown>;
  const headers = typeof request.headers === "object" && request.headers !== null ? Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])) : undefined;
  return {
    method: typeof request.method === "string" ? request.method : undefined,
    url: typeof request.url === "string" ? request.url : undefined,
    headers,
    body: typeof request.body === "string" ? request.body : request.body === undefined ? undefined : JSON.stringify(request.body),
  };
}

/** JSON pretty-printed when it is JSON, else the text as it is. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Code({ children }: { children: string }) {
  return (
    <pre tabIndex={0} className="max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs break-all whitespace-pre-wrap">
      {children}
    </pre>
  );
}

/** Why Re-send is not offered now, or null when it is. */
function resendBlocked(delivery: DeliveryDetail): string | null {
  if (delivery.status === "SENDING") return "An attempt is in flight: wait for it to end.";
  if (!delivery.endpoint) return "Its endpoint was deleted: it cannot be re-sent.";
  if (!delivery.endpoint.enabled) return "Its endpoint is disabled: enable it in Settings to re-send.";
  return null;
}

export default async function WebhookDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireMerchant(`/dashboard/webhooks/${id}`);
  let delivery: DeliveryDetail;
  try {
    delivery = await getDelivery(scope, id);
  } catch (error) {
    if (isAppError(error) && error.code === AppErrorCode.NOT_FOUND) notFound();
    throw error;
  }
  const request = asRequest(delivery.lastRequest);
  const attempted = delivery.attempts > 0 || delivery.lastRequest !== null || delivery.lastError !== null;

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href="/dashboard/webhooks" className="text-brand-700 underline">
          Webhook deliveries
        </Link>
      </p>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold break-words">
          <span className="font-mono">{delivery.type}</span> delivery
        </h1>
        <p className="flex flex-wrap items-center gap-2">
          <DeliveryStatusBadge status={delivery.status} />
          <span className="text-sm text-slate-700">{DELIVERY_STATUS_EXPLAINED[delivery.status]}</span>
        </p>
      </div>

      <ResendDelivery id={delivery.id} disabledReason={resendBlocked(delivery)} />

      <section aria-labelledby="delivery-facts" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="delivery-facts" className="mb-3 font-semibold">Summary</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">Endpoint</dt>
          <dd className="min-w-0 break-all">
            {delivery.url}
            {!delivery.endpoint ? " (deleted)" : !delivery.endpoint.enabled ? " (disabled)" : ""}
          </dd>
          <dt className="text-slate-600">Message id</dt>
          <dd className="min-w-0 font-mono break-all">{delivery.id}</dd>
          <dt className="text-slate-600">Written</dt>
          <dd>{formatDateTime(delivery.createdAt)}</dd>
          <dt className="text-slate-600">Attempts</dt>
          <dd className="tabular-nums" data-testid="delivery-attempts">{delivery.attempts}</dd>
          <dt className="text-slate-600">Last status</dt>
          <dd className="tabular-nums" data-testid="delivery-status-code">{delivery.lastStatusCode ?? "—"}</dd>
          <dt className="text-slate-600">Latency</dt>
          <dd className="tabular-nums">{delivery.lastLatencyMs === null ? "—" : `${delivery.lastLatencyMs} ms`}</dd>
          <dt className="text-slate-600">Next retry</dt>
          <dd>{delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : "—"}</dd>
          {delivery.sentAt && (
            <>
              <dt className="text-slate-600">Delivered</dt>
              <dd>{formatDateTime(delivery.sentAt)}</dd>
            </>
          )}
          {delivery.lastError && (
            <>
              <dt className="text-slate-600">Last error</dt>
              <dd className="min-w-0 break-words" data-testid="delivery-error">{delivery.lastError}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="delivery-request" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="delivery-request" className="font-semibold">Request</h2>
        {request ? (
          <>
            <p className="text-sm break-all">
              <span className="font-mono font-semibold">{request.method ?? "POST"}</span> {request.url ?? delivery.url}
            </p>
            {request.headers && (
              <div>
                <h3 className="text-sm font-semibold">Headers</h3>
                <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 font-mono text-xs sm:grid-cols-[auto_1fr]" data-testid="request-headers">
                  {Object.entries(request.headers).map(([name, value]) => (
                    <div key={name} className="contents">
                      <dt className="font-semibold">{name}</dt>
                      <dd className="min-w-0 break-all">{value}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            )}
            <div>
              <h3 className="text-sm font-semibold">Body</h3>
              <Code>{pretty(request.body ?? JSON.stringify(delivery.body))}</Code>
            </div>
          </>
        ) : (
          <>
            <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">
              {attempted ? "No request was recorded for the last attempt." : "Not sent yet."} It is a POST to {delivery.url} with{" "}
              <code>webhook-id: {delivery.id}</code>, a <code>webhook-timestamp</code> and a <code>webhook-signature</code> made when it is
              sent, and this body:
            </p>
            <Code>{JSON.stringify(delivery.body, null, 2)}</Code>
          </>
        )}
      </section>

      <section aria-labelledby="delivery-response" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="delivery-response" className="font-semibold">Response</h2>
        {delivery.lastStatusCode !== null || delivery.lastResponse !== null ? (
          <>
            <p className="text-sm">
              HTTP <span className="font-mono font-semibold tabular-nums">{delivery.lastStatusCode ?? "—"}</span>
              {delivery.lastLatencyMs !== null && ` in ${delivery.lastLatencyMs} ms`}
            </p>
            {delivery.lastResponse ? <Code>{pretty(delivery.lastResponse)}</Code> : <p className="text-sm text-slate-700">An empty body.</p>}
          </>
        ) : (
          <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">{attempted ? `No answer${delivery.lastError ? `: ${delivery.lastError}` : ""}.` : "No attempt yet."}</p>
        )}
      </section>
    </div>
  );
}
