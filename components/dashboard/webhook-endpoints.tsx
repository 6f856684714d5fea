"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { formatDateTime } from "@/components/dashboard/format";
import { Field } from "@/components/ui/field";
import { createEndpointAction, deleteEndpointAction, sendTestEventAction, setEndpointEnabledAction, updateEndpointEventsAction } from "@/lib/actions/webhooks";
import { WEBHOOK_EVENT_DOCS, WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks/events";
import { createEndpointSchema, endpointEventsSchema, MAX_WEBHOOK_ENDPOINTS } from "@/lib/domain/webhooks/schemas";

export interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
}

const button = "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 disabled:opacity-60";
const label = (type: string) => WEBHOOK_EVENT_DOCS[type as keyof typeof WEBHOOK_EVENT_DOCS]?.label ?? type;

/** The event checkboxes, in a fieldset whose error is announced with it. */
function EventChoices({ idPrefix, checked, error }: { idPrefix: string; checked: readonly string[]; error?: string }) {
  const errorId = `${idPrefix}-events-error`;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-semibold">Events to send</legend>
      <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="events" value={type} defaultChecked={checked.includes(type)} className="mt-1" />
            <span>
              {WEBHOOK_EVENT_DOCS[type].label} <code className="text-xs text-slate-600">{type}</code>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Settings → Webhook endpoints: add one (URL and events), and for each: edit its events, test, disable or enable, remove. */
export function WebhookEndpoints({ endpoints, httpsOnly }: { endpoints: EndpointRow[]; httpsOnly: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState(false);
  const [pending, startTransition] = useTransition();

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(false);
    const target = event.currentTarget;
    const form = new FormData(target);
    const input = { url: String(form.get("url") ?? ""), events: form.getAll("events").map(String) };
    const parsed = createEndpointSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    startTransition(async () => {
      const result = await createEndpointAction(input);
      if (!result.ok) {
        const field = result.field?.split(".")[0];
        setErrors({ [field === "url" || field === "events" ? field : "form"]: result.error });
        return;
      }
      setErrors({});
      setAdded(true);
      target.reset();
      router.refresh();
    });
  };

  const full = endpoints.length >= MAX_WEBHOOK_ENDPOINTS;

  return (
    <section aria-labelledby="webhook-endpoints" className="flex max-w-2xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-col gap-1">
        <h2 id="webhook-endpoints" className="font-semibold">Webhook endpoints</h2>
        <p className="text-sm text-slate-700">
          We POST a signed JSON body <code>{"{type, timestamp, data}"}</code> to each enabled endpoint for the events it picks, and retry
          with backoff until it answers 2xx; an endpoint that answers 410 Gone is disabled.{" "}
          {httpsOnly ? "Endpoints must be https URLs." : "This server also accepts http URLs (development); production servers take https only."}{" "}
          <Link href="/dashboard/webhooks" className="text-brand-700 underline">See the deliveries</Link>.
        </p>
      </div>

      {endpoints.length === 0 ? (
        <p className="text-sm text-slate-600">No webhook endpoints yet.</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="webhook-endpoints">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id}>
              <EndpointCard endpoint={endpoint} />
            </li>
          ))}
        </ul>
      )}

      <form onSubmit={add} noValidate aria-labelledby="add-endpoint" className="flex flex-col gap-3 border-t border-slate-100 pt-4">
        <h3 id="add-endpoint" className="font-semibold">Add an endpoint</h3>
        {errors.form && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {errors.form}
          </p>
        )}
        {full ? (
          <p className="text-sm text-slate-700">You have {MAX_WEBHOOK_ENDPOINTS} endpoints, the most allowed: remove one to add another.</p>
        ) : (
          <>
            <Field
              label="Endpoint URL"
              name="url"
              id="endpoint-url"
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://example.com/webhooks/paylinks"
              error={errors.url}
            />
            <EventChoices idPrefix="new-endpoint" checked={WEBHOOK_EVENT_TYPES} error={errors.events} />
            <div className="flex flex-wrap items-center gap-3">
              <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
                Add endpoint
              </button>
              {added && (
                <p role="status" className="text-sm text-emerald-800">
                  Endpoint added.
                </p>
              )}
            </div>
          </>
        )}
      </form>
    </section>
  );
}

function EndpointCard({ endpoint }: { endpoint: EndpointRow }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [eventsError, setEventsError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ text: string; deliveryId?: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const headingId = `endpoint-${endpoint.id}`;

  const run = (work: () => Promise<{ ok: true; deliveryId?: string } | { ok: false; error: string }>, success: string) => {
    setMessage(null);
    setProblem(null);
    startTransition(async () => {
      const result = await work();
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      setMessage({ text: success, deliveryId: result.deliveryId });
      router.refresh();
    });
  };

  const saveEvents = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const events = new FormData(event.currentTarget).getAll("events").map(String);
    const parsed = endpointEventsSchema.safeParse(events);
    if (!parsed.success) {
      setEventsError(parsed.error.issues[0]!.message);
      return;
    }
    setEventsError(undefined);
    startTransition(async () => {
      const result = await updateEndpointEventsAction(endpoint.id, events);
      if (!result.ok) {
        setEventsError(result.error);
        return;
      }
      setEditing(false);
      setMessage({ text: "Events saved." });
      router.refresh();
    });
  };

  const remove = () => {
    if (!window.confirm(`Remove ${endpoint.url}? Nothing more is sent to it, and deliveries still waiting are given up.`)) return;
    run(() => deleteEndpointAction(endpoint.id), "Endpoint removed.");
  };

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" data-testid="webhook-endpoint">
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="min-w-0 flex-1 font-mono text-sm break-all">
          {endpoint.url}
        </h3>
        <span
          className={`inline-block rounded px-2 py-0.5 text-xs font-bold ${endpoint.enabled ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-800"}`}
          data-testid="endpoint-status"
        >
          {endpoint.enabled ? "Enabled" : "Disabled"}
        </span>
      </header>
      {!endpoint.enabled && (
        <p className="text-sm text-slate-700">
          Disabled{endpoint.disabledAt ? ` on ${formatDateTime(new Date(endpoint.disabledAt))}` : ""}
          {endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}. Nothing is sent to it until you enable it.
        </p>
      )}

      {editing ? (
        <form onSubmit={saveEvents} noValidate aria-label={`Events of ${endpoint.url}`} className="flex flex-col gap-2">
          <EventChoices idPrefix={`endpoint-${endpoint.id}`} checked={endpoint.events} error={eventsError} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
              Save events
            </button>
            <button type="button" onClick={() => { setEditing(false); setEventsError(undefined); }} className={button}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="text-sm text-slate-700" data-testid="endpoint-events">
          <span className="font-semibold">Events:</span> {endpoint.events.map(label).join(", ")}
        </p>
      )}

      <div className="flex flex-wrap gap-2">
        {!editing && (
          <button type="button" onClick={() => { setEditing(true); setMessage(null); }} className={button}>
            Edit events<span className="sr-only"> of {endpoint.url}</span>
          </button>
        )}
        {endpoint.enabled && (
          <button type="button" disabled={pending} onClick={() => run(() => sendTestEventAction(endpoint.id), "Test event queued.")} className={button}>
            Send test event<span className="sr-only"> to {endpoint.url}</span>
          </button>
        )}
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => setEndpointEnabledAction(endpoint.id, !endpoint.enabled), endpoint.enabled ? "Endpoint disabled." : "Endpoint enabled.")}
          className={button}
        >
          {endpoint.enabled ? "Disable" : "Enable"}
          <span className="sr-only"> {endpoint.url}</span>
        </button>
        <button type="button" disabled={pending} onClick={remove} className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60">
          Remove<span className="sr-only"> {endpoint.url}</span>
        </button>
        <Link href={`/dashboard/webhooks?${new URLSearchParams({ endpoint: endpoint.id })}`} className="self-center text-sm text-brand-700 underline">
          Deliveries<span className="sr-only"> to {endpoint.url}</span>
        </Link>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      {message && (
        <p role="status" className="text-sm text-emerald-800">
          {message.text}{" "}
          {message.deliveryId && (
            <Link href={`/dashboard/webhooks/${message.deliveryId}`} className="text-brand-700 underline">
              Follow its delivery
            </Link>
          )}
        </p>
      )}
    </article>
  );
}
