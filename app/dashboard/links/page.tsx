import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LinksBrowser } from "@/components/dashboard/links-browser";
import { requireMerchant } from "@/lib/auth/session";
import { linksQueryFromSearch } from "@/lib/contracts/dashboard/links-query";
import { shapeDashboardLink } from "@/lib/contracts/dashboard/shape-link";
import { isAppError } from "@/lib/errors";
import { listLinksByCursor } from "@/lib/services/links/list-links";
import { toSearchParams } from "@/lib/contracts/dashboard/search-params";

export const metadata: Metadata = { title: "Payment links" };

export default async function LinksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireMerchant("/dashboard/links");
  const search = toSearchParams(await searchParams);
  let initial = null;
  let problem: string | null = null;
  try {
    const page = await listLinksByCursor(scope, linksQueryFromSearch(search));
    initial = { ...page, items: page.items.map(shapeDashboardLink) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.message;
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Payment links</h1>
        <Link href="/dashboard/links/new" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600">
          Create link
        </Link>
      </div>
      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          These filters cannot be used: {problem}
        </p>
      )}
      <Suspense fallback={<p role="status">Loading links…</p>}>
        <LinksBrowser initial={initial} initialQuery={search.toString()} />
      </Suspense>
    </div>
  );
}
