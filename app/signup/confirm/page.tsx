import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { NarrowPage } from "@/components/ui/narrow-page";
import { isConfirmTokenValid } from "@/lib/services/accounts/confirm-sign-up";

export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

/** Where a sign-up's confirmation email leads: a button that confirms and signs in, or why it cannot. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const valid = typeof token === "string" && (await isConfirmTokenValid(token));
  return (
    <NarrowPage title="Confirm your email">
      {valid ? (
        <ConfirmEmailForm token={token} />
      ) : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          This link does not work any more (used, expired or replaced by a newer one).{" "}
          <Link href="/signup" className="font-semibold underline">
            Sign up again
          </Link>{" "}
          to get a new one, or{" "}
          <Link href="/signin" className="font-semibold underline">
            sign in
          </Link>{" "}
          if your account is open.
        </p>
      )}
    </NarrowPage>
  );
}
