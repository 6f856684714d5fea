import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { auth } from "@/lib/auth/config";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if ((await auth())?.merchantId) redirect("/dashboard");
  const { callbackUrl } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <div>
        <Link href="/" className="text-sm font-semibold text-brand-700">
          Paylinks
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Sign in to your dashboard</h1>
      </div>
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-sm">
        New to Paylinks?{" "}
        <Link href="/signup" className="font-semibold text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </main>
  );
}
