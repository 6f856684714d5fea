import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeys } from "@/components/dashboard/api-keys";
import { requireMerchant } from "@/lib/auth/session";
import { listCredentials } from "@/lib/services/credentials/list-credentials";

export const metadata: Metadata = { title: "Developers" };

export default async function DevelopersPage() {
  const scope = await requireMerchant("/dashboard/developers");
  const keys = await listCredentials(scope);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Developers</h1>
      <p className="max-w-3xl text-slate-700">
        API keys let your systems create and follow payment links. Send them as <code>x-api-key: &lt;key&gt;</code>. See the{" "}
        <Link href="/docs" className="text-brand-700 underline">API documentation</Link> and the{" "}
        <a href="/api/openapi.json" className="text-brand-700 underline">OpenAPI document</a>.
      </p>
      <section aria-labelledby="oauth-clients" className="max-w-3xl rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <h2 id="oauth-clients" className="mb-2 font-semibold text-slate-900">OAuth clients (Sylius, CM.com)</h2>
        <p>
          Integrations that ask for an OAuth token (Sylius at <code>/api/oauth/v2/token</code>, CM.com at <code>/api/cm/auth/v1/token</code>) use an
          API key: <code>client_id</code> is the key id (<code>pk_…</code>) and <code>client_secret</code> its secret. Sylius&apos;s password grant also
          takes <code>username</code> and <code>password</code>: the email and password of a dashboard login of this business. Tokens last one hour and
          carry the key&apos;s scopes (Sylius needs <code>payments</code>); revoking the key revokes its tokens.
        </p>
      </section>
      <ApiKeys
        keys={keys.map((key) => ({
          ...key,
          lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
          revokedAt: key.revokedAt?.toISOString() ?? null,
          createdAt: key.createdAt.toISOString(),
        }))}
      />
    </div>
  );
}
