"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, type FormEvent } from "react";
import type { DashboardLink } from "@/lib/contracts/dashboard/shape-link";
import { formatMoney } from "@/lib/money";
import { totalLabel } from "./pagination";
import { LinkStatusBadge } from "./status-badge";

interface LinksPage {
  items: DashboardLink[];
  limit: number;
  /** Cursors of the next and previous pages (null at either end). */
  next: string | null;
  previous: string | null;
  total: { count: number; exact: boolean };
}

async function fetchLinks(query: string): Promise<LinksPage> {
  const response = await fetch(`/api/dashboard/links?${query}`, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `The links could not be loaded (${response.status})`);
  return body;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** The links list: filters live in the URL, data comes through react-query. */
export function LinksBrowser({ initial, initialQuery }: { initial: LinksPage | null; initialQuery: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = params.toString();
  const formId = useId();
  const { data, error, isFetching, isPending, refetch } = useQuery({
    queryKey: ["links", query],
    queryFn: () => fetchLinks(query),
    initialData: query === initialQuery && initial ? initial : undefined,
    placeholderData: keepPreviousData,
  });

  const navigate = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.push(`${pathname}?${next.toString()}`);
  };

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [sort, order] = String(form.get("sortBy") ?? "created_at:desc").split(":");
    navigate({
      q: String(form.get("q") ?? "").trim() || null,
      status: String(form.get("status") ?? "") || null,
      from: String(form.get("from") ?? "") || null,
      to: String(form.get("to") ?? "") || null,
      sort: sort === "created_at" ? null : (sort ?? null),
      order: order === "desc" ? null : (order ?? null),
      after: null,
      before: null,
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={applyFilters} aria-label="Filter links" className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6" key={query}>
        <div className="flex flex-col gap-1 lg:col-span-2">
          <label htmlFor={`${formId}-q`} className="text-sm font-semibold">Search</label>
          <input id={`${formId}-q`} name="q" type="search" defaultValue={params.get("q") ?? ""} placeholder="Description, reference or slug" className="rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${formId}-status`} className="text-sm font-semibold">Status</label>
          <select id={`${formId}-status`} name="status" defaultValue={params.get("status") ?? ""} className="rounded-md border border-slate-300 px-3 py-2">
            <option value="">All</option>
            <option value="ACTIVE">Active</option>
            <option value="AWAITING_PAYMENT">Awaiting payment</option>
            <option value="PAID">Paid</option>
            <option value="EXPIRED">Expired</option>
            <option value="CANCELLED">Cancelled</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${formId}-sort`} className="text-sm font-semibold">Sort by</label>
          <select id={`${formId}-sort`} name="sortBy" defaultValue={`${params.get("sort") ?? "created_at"}:${params.get("order") ?? "desc"}`} className="rounded-md border border-slate-300 px-3 py-2">
            <option value="created_at:desc">Newest first</option>
            <option value="created_at:asc">Oldest first</option>
            <option value="amount:desc">Largest amount</option>
            <option value="amount:asc">Smallest amount</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${formId}-from`} className="text-sm font-semibold">Created from</label>
          <input id={`${formId}-from`} name="from" type="date" defaultValue={params.get("from") ?? ""} className="rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${formId}-to`} className="text-sm font-semibold">Created to</label>
          <input id={`${formId}-to`} name="to" type="date" defaultValue={params.get("to") ?? ""} className="rounded-md border border-slate-300 px-3 py-2" />
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600">Apply filters</button>
          {query && (
            <button type="button" onClick={() => router.push(pathname)} className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-100">
              Clear
            </button>
          )}
        </div>
      </form>

      <section aria-labelledby={`${formId}-results`} aria-busy={isFetching} className="rounded-lg border border-slate-200 bg-white">
        <h2 id={`${formId}-results`} className="sr-only">Links</h2>
        {error ? (
          <div role="alert" className="flex flex-col items-start gap-2 p-6">
            <p className="font-semibold text-red-800">{error.message}</p>
            <button type="button" onClick={() => refetch()} className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold">Try again</button>
          </div>
        ) : isPending ? (
          <p className="p-6 text-slate-600" role="status">Loading links…</p>
        ) : data.items.length === 0 ? (
          <div className="flex flex-col items-start gap-2 p-6">
            <p className="font-semibold">{query ? "No links match these filters." : "No payment links yet."}</p>
            <Link href="/dashboard/links/new" className="text-brand-700 underline">Create a payment link</Link>
          </div>
        ) : (
          <>
            <ul className="divide-y divide-slate-100" data-testid="links">
              {data.items.map((link) => (
                <li key={link.id}>
                  <Link href={`/dashboard/links/${link.id}`} className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[1fr_10rem_6rem_7rem]">
                    <span className="min-w-0">
                      <span className="block truncate font-semibold">{link.description ?? link.slug}</span>
                      <span className="block truncate text-sm text-slate-600">{link.merchantReference ?? link.slug}</span>
                    </span>
                    <span className="text-right font-semibold tabular-nums">{formatMoney(link.amountMinor, link.currency, "en-GB")}</span>
                    <span className="sm:text-center"><LinkStatusBadge link={link} /></span>
                    <span className="text-right text-sm text-slate-600">{dateFormat.format(new Date(link.createdAt))}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <nav aria-label="Pagination" className="flex items-center justify-between gap-2 border-t border-slate-100 px-4 py-3 text-sm">
              <button type="button" disabled={!data.previous} onClick={() => navigate({ before: data.previous, after: null })} className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold disabled:opacity-40">
                Previous
              </button>
              <span>{totalLabel(data.total, "link", "links")}</span>
              <button type="button" disabled={!data.next} onClick={() => navigate({ after: data.next, before: null })} className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold disabled:opacity-40">
                Next
              </button>
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
