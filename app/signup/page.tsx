import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { NarrowPage } from "@/components/ui/narrow-page";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <NarrowPage title="Create your merchant account">
      <SignUpForm />
      <p className="text-sm">
        Already have an account?{" "}
        <Link href="/signin" className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </NarrowPage>
  );
}
