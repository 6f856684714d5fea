"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { signUpAction, type FormState } from "@/lib/actions/auth";
import { Field } from "@/components/ui/field";

export function SignUpForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, { errors: {}, values: {} });
  // "Sign up again" shows the form once more, until the next answer.
  const [dismissed, setDismissed] = useState<FormState | null>(null);
  if (state.sentTo && state !== dismissed) {
    // The same answer for every address, with an account or not.
    return (
      <div role="status" className="flex flex-col gap-3 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-emerald-950">
        <h2 className="font-semibold">Check your inbox</h2>
        <p>
          We sent an email to <strong>{state.sentTo}</strong>. Open the link in it to confirm your address and open your dashboard. The link works for
          24 hours.
        </p>
        <p className="text-sm">
          No email after a few minutes? Check your spam folder, or{" "}
          <button type="button" className="font-semibold underline" onClick={() => setDismissed(state)}>
            sign up again
          </button>
          . If you already have an account, the email says so:{" "}
          <Link href="/signin" className="font-semibold underline">
            sign in
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.errors.form}
        </p>
      )}
      <Field label="Business name" name="businessName" autoComplete="organization" required defaultValue={state.values.businessName} error={state.errors.businessName} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values.email} error={state.errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={state.errors.password}
      />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
