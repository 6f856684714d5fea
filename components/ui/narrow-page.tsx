import Link from "next/link";
import { SkipLink } from "@/components/ui/skip-link";

/**
 * The frame of the small standalone pages (sign in, sign up, not found): a skip link, the brand
 * as the banner, and one main landmark holding the page's title and content.
 */
export function NarrowPage({ title, wide = false, children }: { title: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={`mx-auto flex min-h-screen ${wide ? "max-w-md" : "max-w-sm"} flex-col justify-center gap-2 px-4 py-10`}>
      <SkipLink />
      <header>
        <Link href="/" className="text-sm font-semibold text-brand-700">
          Paylinks
        </Link>
      </header>
      <main id="main" className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold">{title}</h1>
        {children}
      </main>
    </div>
  );
}
