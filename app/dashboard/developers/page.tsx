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
