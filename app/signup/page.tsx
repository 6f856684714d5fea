import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <div>
        <Link href="/" className="text-sm font-semibold text-brand-700">
          Paylinks
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Create your merchant account</h1>
      </div>
      <SignUpForm />
      <p className="text-sm">
        Already have an account?{" "}
        <Link href="/signin" className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
