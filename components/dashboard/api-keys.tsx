"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/developers";
import { CREDENTIAL_SCOPES, SCOPE_LABELS, createCredentialSchema, type CredentialScope } from "@/lib/domain/credentials/schemas";

export interface KeyRow {
  id: string;
  name: string;
  keyId: string;
  secretLast4: string;
  scopes: string[];
  mode: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** "Payment links (Instanvi, CM.com, Zeamster)" → "Payment links"; a scope this app no longer knows stays as stored. */
const scopeName = (scope: string) =>
  Object.hasOwn(SCOPE_LABELS, scope) ? SCOPE_LABELS[scope as CredentialScope].replace(/\s*\(.*\)$/, "") : scope;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Africa/Douala" }) : "Never");

export function ApiKeys({ keys }: { keys: KeyRow[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), mode: String(form.get("mode") ?? "SANDBOX"), scopes: form.getAll("scopes").map(String) };
    const parsed = createCredentialSchema.safeParse(input);
    if (!parsed.success) {
      setError(parsed.error.issues[0]!.message);
      return;
    }
    const target = event.currentTarget;
    startTransition(async () => {
      const result = await createApiKeyAction(input);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setCreated(result.apiKey);
      target.reset();
      router.refresh();
    });
  };

  const revoke = (key: KeyRow) => {
    if (!window.confirm(`Revoke "${key.name}"? Integrations using it stop working at once.`)) return;
    startTransition(async () => {
      const result = await revokeApiKeyAction(key.id);
      if (!result.ok) setError(result.error ?? "The key could not be revoked");
      router.refresh();
    });
  };

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={create} noValidate aria-labelledby="new-key" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-key" className="font-semibold">Create an API key</h2>
        {error && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="key-name" className="text-sm font-semibold">Name</label>
            <input id="key-name" name="name" required maxLength={100} placeholder="Shop backend" className="rounded-md border border-slate-300 px-3 py-2" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="key-mode" className="text-sm font-semibold">Mode</label>
            <select id="key-mode" name="mode" defaultValue="SANDBOX" className="rounded-md border border-slate-300 px-3 py-2">
              <option value="SANDBOX">Sandbox (test links)</option>
              <option value="LIVE">Live</option>
            </select>
          </div>
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-semibold">Scopes</legend>
            {CREDENTIAL_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} defaultChecked /> {SCOPE_LABELS[scope]}
              </label>
            ))}
          </fieldset>
        </div>
        <button type="submit" disabled={pending} className="self-start rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
          Create key
        </button>
        {created && (
          <div role="status" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
            <p className="font-semibold">Copy your new key now: it will not be shown again.</p>
            <div className="flex items-center gap-2">
              <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 text-sm" data-testid="new-api-key">{created}</code>
              <CopyButton value={created} label="Copy key" />
            </div>
          </div>
        )}
      </form>

      <section aria-labelledby="keys" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="keys" className="border-b border-slate-100 px-4 py-3 font-semibold">API keys</h2>
        {keys.length === 0 ? (
          <p className="px-4 py-3 text-slate-600">No API keys yet.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2">Name</th>
                  <th scope="col" className="px-4 py-2">Key</th>
                  <th scope="col" className="px-4 py-2">Mode</th>
                  <th scope="col" className="px-4 py-2">Scopes</th>
                  <th scope="col" className="px-4 py-2">Last used</th>
                  <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id} className="border-t border-slate-100">
                    <td className="px-4 py-2 font-semibold">{key.name}</td>
                    <td className="px-4 py-2 font-mono text-xs">{key.keyId}.…{key.secretLast4}</td>
                    <td className="px-4 py-2">{key.mode}</td>
                    <td className="px-4 py-2">{key.scopes.map(scopeName).join(", ")}</td>
                    <td className="px-4 py-2">{when(key.lastUsedAt)}</td>
                    <td className="px-4 py-2 text-right">
                      {key.revokedAt ? (
                        <span className="text-slate-600">Revoked {when(key.revokedAt)}</span>
                      ) : (
                        <button type="button" onClick={() => revoke(key)} className="rounded-md border border-red-300 px-3 py-1 font-semibold text-red-800 hover:bg-red-50">
                          Revoke <span className="sr-only">{key.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
