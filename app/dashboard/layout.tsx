import Link from "next/link";
import { DashboardNav } from "@/components/dashboard/nav";
import { QueryProvider } from "@/components/providers/query-provider";
import { SkipLink } from "@/components/ui/skip-link";
import { signOutAction } from "@/lib/actions/auth";
import { requireMerchant } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const merchant = await requireMerchant("/dashboard");
  return (
    <div className="min-h-screen bg-slate-50">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex items-center justify-between gap-4">
            <Link href="/dashboard" className="font-bold text-brand-700">
              Paylinks
            </Link>
            <form action={signOutAction} className="sm:hidden">
              <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-semibold hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
          <DashboardNav />
          <div className="hidden items-center gap-3 sm:flex">
            <span className="max-w-48 truncate text-sm text-slate-600" title={merchant.email}>
              {merchant.email}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <QueryProvider>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </QueryProvider>
    </div>
  );
}
