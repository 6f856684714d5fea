import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SkipLink } from "@/components/ui/skip-link";
import { auth } from "@/lib/auth/config";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if ((await auth())?.merchantId) redirect("/dashboard");
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-2 px-4 py-10">
      <SkipLink />
      <header>
        <Link href="/" className="text-sm font-semibold text-brand-700">
          Paylinks
        </Link>
      </header>
      <main id="main" className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold">Sign in to your dashboard</h1>
        <SignInForm callbackUrl={callbackUrl} />
        <p className="text-sm">
          New to Paylinks?{" "}
          <Link href="/signup" className="font-semibold text-brand-700 underline">
            Create an account
          </Link>
        </p>
      </main>
    </div>
  );
}
