"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { resendDeliveryAction, sendTestEventAction } from "@/lib/actions/webhooks";

/** "Re-send": the same message goes back to PENDING, due now (the worker picks it up within seconds). */
export function ResendDelivery({ id, disabledReason }: { id: string; disabledReason: string | null }) {
  const router = useRouter();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const resend = () =>
    startTransition(async () => {
      const answer = await resendDeliveryAction(id);
      setResult(answer.ok ? { ok: true, text: "Queued again: it is sent within seconds." } : { ok: false, text: answer.error });
      router.refresh();
    });
  return (
    <div className="flex flex-col items-start gap-2">
      <button
        type="button"
        onClick={resend}
        disabled={pending || disabledReason !== null}
        aria-describedby={disabledReason ? "resend-why" : undefined}
        className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60"
      >
        Re-send
      </button>
      {disabledReason && (
        <p id="resend-why" className="text-sm text-slate-700">
          {disabledReason}
        </p>
      )}
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}>
          {result.text}
        </p>
      )}
    </div>
  );
}

/** "Send test event": a webhook.test (whatever the endpoint subscribes to) to the endpoint picked; then to its delivery's page. */
export function SendTestEvent({ endpoints }: { endpoints: { id: string; url: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (endpoints.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        No enabled endpoint to send a test event to: <Link href="/dashboard/settings" className="text-brand-700 underline">add or enable one in Settings</Link>.
      </p>
    );
  }
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const endpointId = String(new FormData(event.currentTarget).get("endpoint") ?? "");
    startTransition(async () => {
      const result = await sendTestEventAction(endpointId);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      router.push(`/dashboard/webhooks/${result.deliveryId}`);
    });
  };
  return (
    <form onSubmit={send} className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="test-endpoint" className="text-sm font-semibold">Send to</label>
        <select id="test-endpoint" name="endpoint" className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2">
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>{endpoint.url}</option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold hover:bg-slate-100 disabled:opacity-60">
        Send test event
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
