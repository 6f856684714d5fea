"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { saveSettingsAction } from "@/lib/actions/settings";
import { LINK_FORM_CURRENCIES } from "@/lib/contracts/dashboard/link-form";
import { updateSettingsSchema } from "@/lib/domain/merchants/schemas";
import type { MerchantSettings } from "@/lib/domain/merchants/types";

const FIELD_OF: Record<string, string> = {
  business_name: "businessName",
  default_currency: "defaultCurrency",
  default_language: "defaultLanguage",
  callback_url: "callbackUrl",
};

export function SettingsForm({ settings }: { settings: MerchantSettings }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(["businessName", "defaultCurrency", "defaultLanguage", "callbackUrl"].map((k) => [k, String(form.get(k) ?? "")]));
    const parsed = updateSettingsSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    startTransition(async () => {
      const result = await saveSettingsAction(input);
      if (!result.ok) {
        setErrors({ [FIELD_OF[result.field ?? ""] ?? "form"]: result.error ?? "The settings could not be saved" });
        return;
      }
      setErrors({});
      setSaved(true);
    });
  };

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <form onSubmit={save} noValidate className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
        {errors.form && <p role="alert" className="text-sm text-red-800">{errors.form}</p>}
        <Field label="Business name" name="businessName" defaultValue={settings.businessName} required error={errors.businessName} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="defaultCurrency" className="text-sm font-semibold">Default currency</label>
            <select id="defaultCurrency" name="defaultCurrency" defaultValue={settings.defaultCurrency} className="rounded-md border border-slate-300 px-3 py-2">
              {[...new Set([settings.defaultCurrency, ...LINK_FORM_CURRENCIES])].map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="defaultLanguage" className="text-sm font-semibold">Pay page language</label>
            <select id="defaultLanguage" name="defaultLanguage" defaultValue={settings.defaultLanguage} className="rounded-md border border-slate-300 px-3 py-2">
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </div>
        </div>
        <Field label="Callback URL" name="callbackUrl" type="url" defaultValue={settings.callbackUrl ?? ""} error={errors.callbackUrl} hint="We POST {&quot;paymentlink_refs&quot;: [...]} here when links change status." />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
            Save settings
          </button>
          {saved && <p role="status" className="text-sm text-emerald-800">Settings saved.</p>}
        </div>
      </form>
    </div>
  );
}
