import Link from "next/link";
import { SkipLink } from "@/components/ui/skip-link";

const FEATURES = [
  {
    title: "Share a link, get paid",
    text: "Create a payment link in XAF or any currency, send it by SMS, email or QR code, and follow every payment as it happens.",
  },
  {
    title: "Mobile Money first",
    text: "Customers pay from their phone with MTN Mobile Money or Orange Money, on a light page that loads on slow networks, in French or English.",
  },
  {
    title: "Your integration keeps working",
    text: "Five published REST contracts (Instanvi, CycleSoftware, CM, Zeamster, Sylius) are served as documented: change the base URL and key, nothing else.",
  },
];

export default function HomePage() {
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-6 py-16">
      <SkipLink />
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Paylinks</p>
      </header>
      <main id="main" className="flex flex-col gap-12">
        <div className="flex flex-col gap-6">
          <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Payment links for MTN Mobile Money and Orange Money</h1>
          <p className="max-w-2xl text-lg text-slate-600">
            Paylinks lets merchants in Cameroon and beyond ask for a payment with one link, and lets their customers pay it from any
            phone in a few taps.
          </p>
          <nav aria-label="Get started" className="flex flex-wrap gap-3">
            <Link
              href="/signin"
              className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-600"
            >
              Sign in to the dashboard
            </Link>
            <Link href="/docs" className="rounded-md border border-slate-300 px-5 py-2.5 font-semibold hover:bg-slate-50">
              API documentation
            </Link>
          </nav>
        </div>
        <section aria-labelledby="features" className="grid gap-6 sm:grid-cols-3">
          <h2 id="features" className="sr-only">
            What Paylinks does
          </h2>
          {FEATURES.map((feature) => (
            <article key={feature.title} className="rounded-lg border border-slate-200 p-5">
              <h3 className="font-semibold">{feature.title}</h3>
              <p className="mt-2 text-sm text-slate-600">{feature.text}</p>
            </article>
          ))}
        </section>
      </main>
    </div>
  );
}
