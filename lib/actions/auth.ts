"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/config";
import { signInSchema, signUpSchema } from "@/lib/domain/accounts/schemas";
import { isAppError } from "@/lib/errors";
import { signUp } from "@/lib/services/accounts/sign-up";

export interface FormState {
  /** Errors by field name; `form` for the form as a whole. */
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** Only paths of this site, so that a crafted link cannot send a merchant elsewhere. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/dashboard") && !path.startsWith("//") ? path : "/dashboard";
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    return { values, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { values, errors: { form: "Too many sign-in attempts. Wait a minute and try again." } };
    }
    // One message for unknown email and wrong password: nothing tells which was wrong.
    if (error instanceof AuthError) return { values, errors: { form: "Email or password is incorrect." } };
    throw error; // the redirect to the dashboard
  }
  return { values, errors: {} };
}

export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = { businessName: String(formData.get("businessName") ?? ""), email: String(formData.get("email") ?? "") };
  const parsed = signUpSchema.safeParse({
    businessName: formData.get("businessName"),
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) {
    return { values, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) };
  }
  try {
    await signUp(parsed.data);
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") {
      return { values, errors: { email: "An account with this email already exists. Sign in instead." } };
    }
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/dashboard" });
  redirect("/dashboard");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
