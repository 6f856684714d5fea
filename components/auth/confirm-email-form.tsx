"use client";

import Link from "next/link";
import { useActionState } from "react";
import { confirmEmailAction, type FormState } from "@/lib/actions/auth";

/**
 * One button, so that opening the link (or a mail scanner fetching it) changes nothing: the
 * account opens when its owner presses it.
 */
export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(confirmEmailAction, { errors: {}, values: {} });
  if (state.errors.form) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
        {state.errors.form}{" "}
        <Link href="/signup" className="font-semibold underline">
          Sign up
        </Link>
      </p>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? "Opening your dashboard…" : "Confirm my email and open my dashboard"}
      </button>
    </form>
  );
}
