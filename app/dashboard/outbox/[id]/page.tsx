import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/dashboard/format";
import { requireMerchant } from "@/lib/auth/session";
import { getPersonMessage } from "@/lib/notifications/outbox-messages";
import { CHANNEL_LABELS, KIND_LABELS, MessageStatusBadge, STATUS_EXPLAINED } from "../labels";
import { HtmlPreview } from "./html-preview";

export const metadata: Metadata = { title: "Message" };

const LANGUAGE_NAMES: Record<string, string> = { fr: "French", en: "English" };

/**
 * One email or SMS as it was rendered when it was written: the text, and for an email its HTML,
 * as source and, on demand, in a sandboxed frame (no scripts, no forms, no same origin).
 */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireMerchant(`/dashboard/outbox/${id}`);
  const message = await getPersonMessage(scope, id);
  if (!message) notFound();
  const title = message.subject ?? `SMS to ${message.to}`;

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href="/dashboard/outbox" className="text-brand-700 underline">
          Outbox
        </Link>
      </p>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold break-words">{title}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <MessageStatusBadge status={message.status} />
          <span className="text-sm text-slate-700">{STATUS_EXPLAINED[message.status]}</span>
        </p>
      </div>

      <section aria-labelledby="message-facts" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="message-facts" className="sr-only">Details</h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold text-slate-600">To</dt>
          <dd className="min-w-0 break-all" data-testid="message-to">{message.to}</dd>
          <dt className="font-semibold text-slate-600">What</dt>
          <dd>
            {CHANNEL_LABELS[message.channel]} · {KIND_LABELS[message.kind] ?? message.kind}
            {message.language && ` · ${LANGUAGE_NAMES[message.language] ?? message.language}`}
          </dd>
          <dt className="font-semibold text-slate-600">Written</dt>
          <dd>{formatDateTime(message.createdAt)}</dd>
          <dt className="font-semibold text-slate-600">Attempts</dt>
          <dd className="tabular-nums" data-testid="message-attempts">{message.attempts}</dd>
          {message.sentAt && (
            <>
              <dt className="font-semibold text-slate-600">Sent</dt>
              <dd>{formatDateTime(message.sentAt)}</dd>
            </>
          )}
          {(message.status === "PENDING" || message.status === "SENDING") && (
            <>
              <dt className="font-semibold text-slate-600">Next attempt</dt>
              <dd>{formatDateTime(message.nextAttemptAt)}</dd>
            </>
          )}
          {message.lastResponse && (
            <>
              <dt className="font-semibold text-slate-600">Last answer</dt>
              <dd className="min-w-0 break-words">
                {message.lastResponse}
                {message.lastLatencyMs !== null && ` (${message.lastLatencyMs} ms)`}
              </dd>
            </>
          )}
          {message.lastError && (
            <>
              <dt className="font-semibold text-slate-600">Last error</dt>
              <dd className="min-w-0 break-words text-red-800">{message.lastError}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="message-text" className="flex flex-col gap-2">
        <h2 id="message-text" className="text-lg font-semibold">{message.channel === "EMAIL" ? "Plain text" : "Text"}</h2>
        <pre
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 font-sans text-sm whitespace-pre-wrap break-words"
          data-testid="message-text"
        >
          {message.text}
        </pre>
      </section>

      {message.html !== null && (
        <section aria-labelledby="message-html" className="flex flex-col gap-2">
          <h2 id="message-html" className="text-lg font-semibold">HTML</h2>
          <p className="text-sm text-slate-600">As a mail client shows it, with scripts and forms turned off:</p>
          <HtmlPreview html={message.html} />
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">HTML source</summary>
            <pre className="mt-2 overflow-x-auto text-xs whitespace-pre-wrap break-all" data-testid="message-html-source">
              {message.html}
            </pre>
          </details>
        </section>
      )}
    </div>
  );
}
