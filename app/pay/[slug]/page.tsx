import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { PayForm } from "@/components/pay/pay-form";
import { PaymentView } from "@/components/pay/payment-view";
import { TestNumbers } from "@/components/pay/test-numbers";
import { SkipLink } from "@/components/ui/skip-link";
import { payPageUrl } from "@/lib/domain/links/urls";
import { clientIpFromHeaders, publicBaseUrlFromHeaders } from "@/lib/http/request-info";
import { PROVIDERS, type Provider } from "@/lib/domain/links/enums";
import { LOCALE, MESSAGES, resolveLanguage } from "@/lib/i18n/pay-page";
import { formatMoney } from "@/lib/money";
import { getPayPage } from "@/lib/services/pay-page/get-pay-page";
import { PAY_PAGE_HANDOFF_HEADER, takePayPage } from "@/lib/services/pay-page/pay-page-handoff";
import { countPayPageView } from "@/lib/services/pay-page/pay-page-views";
import { payPageVisitor } from "@/lib/services/pay-page/pay-page-visitor";
import { PayQr } from "./pay-qr";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = { robots: { index: false, follow: false } };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PayPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const [{ slug }, query, requestHeaders] = await Promise.all([params, searchParams, headers()]);
  const paymentId = one(query.payment) ?? null;
  // Read once: proxy.ts has read it already (for the status code) and hands it over.
  const handedOver = takePayPage(requestHeaders.get(PAY_PAGE_HANDOFF_HEADER), slug, paymentId);
  const page = handedOver === undefined ? await getPayPage(slug, paymentId) : handedOver;
  if (!page) notFound();
  const { link, merchant, gone, payment } = page;

  const lang = resolveLanguage({
    requested: one(query.lang),
    link: link.language,
    acceptLanguage: requestHeaders.get("accept-language"),
    fallback: merchant.defaultLanguage,
  });
  const t = MESSAGES[lang];
  const amount = formatMoney(link.amountMinor, link.currency, LOCALE[lang]);
  const payUrl = payPageUrl(link.slug, {}, publicBaseUrlFromHeaders(requestHeaders));
  const here = (extra: Record<string, string> = {}) => payPageUrl(link.slug, { lang, ...extra });
  const other = lang === "fr" ? "en" : "fr";
  const switchHref = payPageUrl(link.slug, { lang: other, ...(payment ? { payment: payment.id } : {}) });

  // Counted in memory and written in batches; one visitor counts once per link in a while (pay-page-views.ts).
  if (!payment) countPayPageView(link, payPageVisitor(clientIpFromHeaders(requestHeaders), requestHeaders.get("user-agent")));
  const error = one(query.error);
  const formProvider = PROVIDERS.find((p) => p === one(query.provider)) ?? null;

  return (
    <div className="mx-auto flex min-h-screen max-w-md flex-col gap-6 px-4 py-6">
      <SkipLink label={t.skipToContent} lang={lang} />
      <header lang={lang} className="flex items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600">{t.payTo}</p>
          <p className="text-lg font-bold">{merchant.name}</p>
        </div>
        <a href={switchHref} hrefLang={other} lang={other} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold print:hidden">
          {t.switchTo}
        </a>
      </header>

      <main id="main" lang={lang} className="flex flex-col gap-6">
        <section aria-label={t.receipt.amount} className="rounded-xl bg-slate-50 p-5">
          {link.mode === "SANDBOX" && (
            <p className="mb-2 inline-block rounded bg-amber-200 px-2 py-0.5 text-xs font-bold text-amber-900 uppercase">{t.testMode}</p>
          )}
          {link.description && <h1 className="text-base text-slate-700">{link.description}</h1>}
          <p className="mt-1 text-4xl font-bold tracking-tight" data-testid="amount">
            {amount}
          </p>
        </section>

        {payment ? (
          <PaymentView payment={payment} merchantName={merchant.name} lang={lang} t={t} pageUrl={here({ payment: payment.id })} retryUrl={here()} />
        ) : gone ? (
          <section aria-labelledby="gone-title" className="flex flex-col gap-2">
            <h2 id="gone-title" className="text-xl font-bold">
              {t.gone[gone].title}
            </h2>
            <p>{t.gone[gone].text}</p>
          </section>
        ) : (
          <>
            <PayForm
              slug={link.slug}
              lang={lang}
              t={t}
              amountLabel={amount}
              preferred={link.provider}
              attempt={randomUUID()}
              error={error === "phone" || error === "provider" || error === "provider_down" || error === "rate" ? error : null}
              errorProvider={formProvider}
              phone={one(query.phone)}
              provider={formProvider as Provider | null}
            />
            {link.mode === "SANDBOX" && <TestNumbers lang={lang} t={t} />}
          </>
        )}

        {!gone && !payment && (
          <figure className="flex flex-col items-center gap-2 print:hidden">
            <PayQr url={payUrl} pixels={176} label={t.scanToPay} />
            <figcaption className="text-sm text-slate-600">{t.scanToPay}</figcaption>
          </figure>
        )}
      </main>
    </div>
  );
}
