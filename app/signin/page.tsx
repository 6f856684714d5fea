import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { NarrowPage } from "@/components/ui/narrow-page";
import { auth } from "@/lib/auth/config";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if ((await auth())?.merchantId) redirect("/dashboard");
  const { callbackUrl } = await searchParams;
  return (
    <NarrowPage title="Sign in to your dashboard">
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-sm">
        New to Paylinks?{" "}
        <Link href="/signup" className="font-semibold text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </NarrowPage>
  );
}
