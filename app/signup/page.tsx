import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { SkipLink } from "@/components/ui/skip-link";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-2 px-4 py-10">
      <SkipLink />
      <header>
        <Link href="/" className="text-sm font-semibold text-brand-700">
          Paylinks
        </Link>
      </header>
      <main id="main" className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold">Create your merchant account</h1>
        <SignUpForm />
        <p className="text-sm">
          Already have an account?{" "}
          <Link href="/signin" className="font-semibold text-brand-700 underline">
            Sign in
          </Link>
        </p>
      </main>
    </div>
  );
}
