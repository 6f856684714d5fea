import { PROVIDERS, type Provider } from "@/lib/domain/links/enums";
import type { Lang, PayMessages } from "@/lib/i18n/pay-page";

interface Props {
  slug: string;
  lang: Lang;
  t: PayMessages;
  amountLabel: string;
  preferred: Provider | null;
  /** A fresh token per rendered form: a double submit starts one payment, not two. */
  attempt: string;
  error?: "phone" | "provider" | "provider_down" | "rate" | null;
  errorProvider?: Provider | null;
  phone?: string;
  provider?: Provider | null;
}

/** A plain HTML form: it works before (and without) JavaScript. */
export function PayForm({ slug, lang, t, amountLabel, preferred, attempt, error, errorProvider, phone, provider }: Props) {
  const ordered = preferred ? [preferred, ...PROVIDERS.filter((p) => p !== preferred)] : [...PROVIDERS];
  const selected = provider ?? ordered[0];
  return (
    <form method="post" action={`/pay/${slug}/start`} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="attempt" value={attempt} />
      {error === "rate" && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t.errors.rate}
        </p>
      )}
      {error === "provider_down" && errorProvider && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t.errors.providerDown(t.providerNames[errorProvider])}
        </p>
      )}
      <fieldset aria-describedby={error === "provider" ? "provider-error" : undefined}>
        <legend className="mb-2 font-semibold">{t.chooseProvider}</legend>
        <div className="grid grid-cols-2 gap-3">
          {ordered.map((p) => (
            <label
              key={p}
              className="flex cursor-pointer items-center gap-2 rounded-lg border-2 border-slate-200 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="provider" value={p} defaultChecked={p === selected} className="size-4 accent-brand-700" />
              <span className="text-sm font-semibold">{t.providerNames[p]}</span>
            </label>
          ))}
        </div>
        {error === "provider" && (
          <p id="provider-error" className="mt-2 text-sm text-red-700">
            {t.errors.provider}
          </p>
        )}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="phone" className="font-semibold">
          {t.phoneLabel}
        </label>
        <div className="flex items-stretch overflow-hidden rounded-md border border-slate-300 focus-within:ring-2 focus-within:ring-brand-600">
          <span className="flex items-center bg-slate-100 px-3 text-slate-700" aria-hidden="true">
            +237
          </span>
          <input
            id="phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel-national"
            required
            defaultValue={phone}
            placeholder="671234567"
            aria-invalid={error === "phone" || undefined}
            aria-describedby={error === "phone" ? "phone-error phone-hint" : "phone-hint"}
            className="w-full px-3 py-3 text-lg outline-none"
          />
        </div>
        <p id="phone-hint" className="text-sm text-slate-600">
          {t.phoneHint}
        </p>
        {error === "phone" && (
          <p id="phone-error" role="alert" className="text-sm text-red-700">
            {t.errors.phone}
          </p>
        )}
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-600">
        {t.pay(amountLabel)}
      </button>
    </form>
  );
}
