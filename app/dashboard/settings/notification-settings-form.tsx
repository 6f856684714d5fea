"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { saveNotificationSettingsAction } from "@/lib/actions/settings";
import { updateNotificationSettingsSchema, type NotificationSettings } from "@/lib/domain/merchants/schemas";

const FIELD_OF: Record<string, string> = { notification_email: "notificationEmail", notify_payments: "notifyPayments" };

/**
 * The merchant's own notifications, a section of its own on the Settings page: an email for each
 * successful payment, and where it goes. With no address saved yet, the login email is offered.
 */
export function NotificationSettingsForm({ settings, suggestedEmail }: { settings: NotificationSettings; suggestedEmail: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const input = { notifyPayments: form.get("notifyPayments") === "on", notificationEmail: String(form.get("notificationEmail") ?? "") };
    const parsed = updateNotificationSettingsSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    startTransition(async () => {
      const result = await saveNotificationSettingsAction(input);
      if (!result.ok) {
        setErrors({ [FIELD_OF[result.field ?? ""] ?? "form"]: result.error ?? "The notification settings could not be saved" });
        return;
      }
      setErrors({});
      setSaved(true);
    });
  };

  return (
    <section aria-labelledby="payment-notifications" className="flex max-w-2xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <div>
        <h2 id="payment-notifications" className="font-semibold">Payment notifications</h2>
        <p className="text-sm text-slate-600">
          Payers get their receipt by email when the link has their address. You can get an email too.
        </p>
      </div>
      <form onSubmit={save} noValidate className="flex flex-col gap-4">
        {errors.form && <p role="alert" className="text-sm text-red-800">{errors.form}</p>}
        <div className="flex items-start gap-2">
          <input
            id="notifyPayments"
            name="notifyPayments"
            type="checkbox"
            defaultChecked={settings.notifyPayments}
            className="mt-1 size-4 accent-brand-700"
          />
          <label htmlFor="notifyPayments" className="font-semibold">
            Email me for each successful payment
          </label>
        </div>
        <Field
          label="Notification email"
          name="notificationEmail"
          type="email"
          autoComplete="email"
          maxLength={254}
          defaultValue={settings.notificationEmail ?? suggestedEmail}
          error={errors.notificationEmail}
          hint="Where payment notifications go; it can differ from your login."
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
            Save notifications
          </button>
          {saved && <p role="status" className="text-sm text-emerald-800">Notifications saved.</p>}
        </div>
      </form>
    </section>
  );
}
