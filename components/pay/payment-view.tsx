import type { Payment } from "@/lib/domain/links/types";
import { USSD_CODES, LOCALE, type Lang, type PayMessages } from "@/lib/i18n/pay-page";
import { formatMoney } from "@/lib/money";
import { PrintButton } from "./print-button";
import { StatusWatcher } from "./status-watcher";

interface Props {
  payment: Payment;
  merchantName: string;
  lang: Lang;
  t: PayMessages;
  /** Where "refresh" and "try again" lead. */
  pageUrl: string;
  retryUrl: string;
}

/** A payment the customer started: waiting for approval, the receipt, or the failure. */
export function PaymentView({ payment, merchantName, lang, t, pageUrl, retryUrl }: Props) {
  const provider = t.providerNames[payment.provider];
  if (payment.status === "PENDING") {
    return (
      <section aria-labelledby="payment-title" className="flex flex-col gap-3" aria-live="polite">
        <h2 id="payment-title" className="text-xl font-bold">
          {t.approveTitle}
        </h2>
        <p>{t.approveText(provider)}</p>
        <p className="flex items-center gap-2 text-slate-700">
          <span className="inline-block size-3 animate-pulse rounded-full bg-brand-600" aria-hidden="true" />
          {t.waiting}
        </p>
        <p className="rounded-md bg-slate-100 p-3 text-sm">{t.ussdFallback(USSD_CODES[payment.provider])}</p>
        {payment.paymentUrl && (
          <a href={payment.paymentUrl} className="text-brand-700 underline">
            {t.openProviderPage}
          </a>
        )}
        <a href={pageUrl} className="self-start rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50">
          {t.checkStatus}
        </a>
        <StatusWatcher paymentId={payment.id} />
      </section>
    );
  }
  if (payment.status === "SUCCESSFUL") {
    const date = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "long", timeStyle: "short", timeZone: "Africa/Douala" }).format(
      payment.settledAt ?? payment.updatedAt,
    );
    const rows: [string, string][] = [
      [t.receipt.amount, formatMoney(payment.amountMinor, payment.currency, LOCALE[lang])],
      [t.receipt.merchant, merchantName],
      [t.receipt.transaction, payment.transactionId],
      [t.receipt.date, date],
      [t.receipt.provider, provider],
      [t.receipt.phone, `+${payment.payerPhone.slice(0, 3)} ••• ••• ${payment.payerPhone.slice(-3)}`],
    ];
    return (
      <section aria-labelledby="payment-title" className="flex flex-col gap-4">
        <h2 id="payment-title" className="text-xl font-bold text-brand-700">
          {t.receiptTitle}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-lg border border-slate-200 p-4 sm:grid-cols-[auto_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="font-semibold break-all">{value}</dd>
            </div>
          ))}
        </dl>
        <PrintButton label={t.print} />
      </section>
    );
  }
  const reason = (payment.failureReason ?? "UNKNOWN") as keyof PayMessages["failure"];
  return (
    <section aria-labelledby="payment-title" className="flex flex-col gap-3">
      <h2 id="payment-title" className="text-xl font-bold text-red-700">
        {t.failedTitle}
      </h2>
      <p role="alert">{t.failure[reason] ?? t.failure.UNKNOWN}</p>
      <a href={retryUrl} className="self-start rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-600">
        {t.retry}
      </a>
    </section>
  );
}
