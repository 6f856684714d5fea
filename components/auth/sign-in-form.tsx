"use client";

import { useActionState } from "react";
import { signInAction, type FormState } from "@/lib/actions/auth";
import { Field } from "@/components/ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, { errors: {}, values: {} });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.errors.form}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values.email} error={state.errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={state.errors.password} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
