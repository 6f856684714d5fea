import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/dashboard/format";
import { requireMerchant } from "@/lib/auth/session";
import { toSearchParams } from "@/lib/contracts/dashboard/search-params";
import { CursorPagination, totalLabel } from "@/components/dashboard/pagination";
import { isAppError } from "@/lib/errors";
import {
  listPersonMessages,
  PERSON_CHANNELS,
  PERSON_MESSAGE_STATUSES,
  type PersonMessageChannel,
  type PersonMessageStatus,
} from "@/lib/notifications/outbox-messages";
import { CHANNEL_LABELS, KIND_LABELS, MessageStatusBadge, STATUS_LABELS } from "./labels";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 20;
const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2";

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireMerchant("/dashboard/outbox");
  const search = toSearchParams(await searchParams);
  const channel: PersonMessageChannel | undefined = oneOf(PERSON_CHANNELS, search.get("channel"));
  const status: PersonMessageStatus | undefined = oneOf(PERSON_MESSAGE_STATUSES, search.get("status"));
  let result;
  let problem: string | null = null;
  try {
    const cursor = { after: search.get("after") ?? undefined, before: search.get("before") ?? undefined };
    result = await listPersonMessages(scope, { ...cursor, limit: PAGE_SIZE, channel, status });
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.message;
  }
  const filtered = Boolean(channel || status);
  const filters = new URLSearchParams({ ...(channel && { channel }), ...(status && { status }) });

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="max-w-3xl text-slate-700">
        Emails and SMS to your customers (payment links, receipts) and to you (payment notifications), newest first. Without an email
        server (<code>SMTP_URL</code>) or an SMS gateway (<code>SMS_GATEWAY_URL</code>), messages are <strong>kept</strong> here instead of sent.
      </p>

      <form method="get" action="/dashboard/outbox" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="channel" className="text-sm font-semibold">Channel</label>
          <select id="channel" name="channel" defaultValue={channel ?? ""} className={selectClass}>
            <option value="">Email and SMS</option>
            {PERSON_CHANNELS.map((c) => (
              <option key={c} value={c}>{CHANNEL_LABELS[c]}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-sm font-semibold">Status</label>
          <select id="status" name="status" defaultValue={status ?? ""} className={selectClass}>
            <option value="">Any status</option>
            {PERSON_MESSAGE_STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100">
          Filter
        </button>
        {filtered && (
          <Link href="/dashboard/outbox" className="py-2 text-brand-700 underline">
            Show all
          </Link>
        )}
      </form>

      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          These messages cannot be shown: {problem}.{" "}
          <Link href="/dashboard/outbox" className="font-semibold underline">Show all messages</Link>
        </p>
      )}

      {!result ? null : result.total.count === 0 ? (
        <section aria-labelledby="no-messages" className="flex flex-col items-start gap-2 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="no-messages" className="font-semibold">{filtered ? "No messages match these filters." : "No messages yet."}</h2>
          <p className="max-w-2xl text-slate-700">
            A payment link created with a delivery method (email, SMS or both) and the customer&apos;s address is sent to them; a payer
            whose email the link has gets a receipt, and you get an email for each payment if you turn it on in{" "}
            <Link href="/dashboard/settings" className="text-brand-700 underline">Settings</Link>.
          </p>
          <Link href="/dashboard/links/new" className="text-brand-700 underline">Create a payment link</Link>
        </section>
      ) : (
        <section aria-labelledby="message-list" className="flex flex-col gap-3">
          <h2 id="message-list" className="sr-only">Messages</h2>
          {result.items.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">There are no messages on this page.</p>
          ) : (
            <ul className="flex flex-col gap-3" data-testid="messages">
              {result.items.map((message) => (
                <li key={message.id}>
                  <article aria-labelledby={`message-${message.id}`} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
                    <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <h3 id={`message-${message.id}`} className="min-w-0 font-semibold break-words">
                        <Link href={`/dashboard/outbox/${message.id}`} className="text-brand-700 underline">
                          {message.summary || "(no subject)"}
                        </Link>
                      </h3>
                      <MessageStatusBadge status={message.status} />
                    </header>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
                      <dt className="text-slate-600">To</dt>
                      <dd className="min-w-0 break-all" data-testid="message-to">{message.to}</dd>
                      <dt className="text-slate-600">What</dt>
                      <dd>{CHANNEL_LABELS[message.channel]} · {KIND_LABELS[message.kind] ?? message.kind}</dd>
                      <dt className="text-slate-600">Written</dt>
                      <dd>{formatDateTime(message.createdAt)}</dd>
                      <dt className="text-slate-600">Attempts</dt>
                      <dd className="tabular-nums">{message.attempts}</dd>
                    </dl>
                  </article>
                </li>
              ))}
            </ul>
          )}
          <CursorPagination
            path="/dashboard/outbox"
            search={filters}
            page={result}
            label={totalLabel(result.total, "message", "messages")}
            className="flex items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm"
          />
        </section>
      )}
    </div>
  );
}
