"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { changePasswordAction, signOutEverywhereAction, type FormState } from "@/lib/actions/auth";

/**
 * The login's own security, a section of the Settings page: a new password (the other sessions
 * end), and "sign out everywhere" (every session ends, this one included).
 */
export function SecuritySettings({ activeSessions }: { activeSessions: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, { errors: {}, values: {} });
  return (
    <section aria-labelledby="security" className="flex max-w-2xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <div>
        <h2 id="security" className="font-semibold">Security</h2>
        <p className="text-sm text-slate-600" data-testid="active-sessions">
          {activeSessions === 1 ? "Your login is signed in on 1 browser or device (this one)." : `Your login is signed in on ${activeSessions} browsers or devices.`}
        </p>
      </div>
      <form action={action} noValidate className="flex flex-col gap-4" aria-labelledby="change-password">
        <h3 id="change-password" className="text-sm font-semibold">Change password</h3>
        {state.errors.form && <p role="alert" className="text-sm text-red-800">{state.errors.form}</p>}
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={state.errors.currentPassword} />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters. Your other sessions are signed out, and API tokens issued with your password stop working."
          error={state.errors.newPassword}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
            Change password
          </button>
          {state.notice && <p role="status" className="text-sm text-emerald-800">{state.notice}</p>}
        </div>
      </form>
      <form action={signOutEverywhereAction} className="flex flex-col gap-2 border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-600">Lost a device, or signed in somewhere you should not have? End every session of your login, this one included.</p>
        <button type="submit" className="self-start rounded-md border border-red-300 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50">
          Sign out everywhere
        </button>
      </form>
    </section>
  );
}
