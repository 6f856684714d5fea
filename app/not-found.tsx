import type { Metadata } from "next";
import Link from "next/link";
import { SkipLink } from "@/components/ui/skip-link";

export const metadata: Metadata = { title: "Page not found" };

/** Any URL that matches no page: the same landmarks as every other page, instead of Next's bare default. */
export default function NotFound() {
  return (
    <div className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-2 px-4 py-10">
      <SkipLink />
      <header>
        <Link href="/" className="text-sm font-semibold text-brand-700">
          Paylinks
        </Link>
      </header>
      <main id="main" className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Page not found</h1>
        <p>There is nothing at this address.</p>
        <Link href="/" className="self-start text-brand-700 underline">
          Go to the home page
        </Link>
      </main>
    </div>
  );
}
