"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { signIn, signOut } from "@/lib/auth/config";
import { requireMerchant } from "@/lib/auth/session";
import { changePasswordSchema, signInSchema, signUpSchema } from "@/lib/domain/accounts/schemas";
import { isAppError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/request-info";
import { changePassword } from "@/lib/services/accounts/change-password";
import { requestSignUp } from "@/lib/services/accounts/request-sign-up";
import { endAllSessions } from "@/lib/services/accounts/sessions";

export interface FormState {
  /** Errors by field name; `form` for the form as a whole. */
  errors: Record<string, string>;
  values: Record<string, string>;
  /** What went well, in a sentence (shown in place of the form's errors). */
  notice?: string;
  /** Sign-up: the address the confirmation link went to (the same answer whether or not it has an account). */
  sentTo?: string;
}

/** Only paths of this site, so that a crafted link cannot send a merchant elsewhere. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/dashboard") && !path.startsWith("//") ? path : "/dashboard";
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error.issues) };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { values, errors: { form: "Too many sign-in attempts. Wait a few minutes and try again." } };
    }
    if (error instanceof CredentialsSignin && error.code === "unconfirmed") {
      // Only said to whoever typed the right password.
      return {
        values,
        errors: { form: "Confirm your email first: open the link we sent you when you signed up (sign up again to get a new one)." },
      };
    }
    // One message for unknown email and wrong password: nothing tells which was wrong.
    if (error instanceof AuthError) return { values, errors: { form: "Email or password is incorrect." } };
    throw error; // the redirect to the dashboard
  }
  return { values, errors: {} };
}

/**
 * The sign-up form. Whatever the address, the answer is "we sent a link to <email>": a new
 * address gets its confirmation link, an address with an account gets "you already have an
 * account" by email, so the page never tells who has one. Limited per client address.
 */
export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = { businessName: String(formData.get("businessName") ?? ""), email: String(formData.get("email") ?? "") };
  const parsed = signUpSchema.safeParse({
    businessName: formData.get("businessName"),
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error.issues) };
  try {
    const request = await requestSignUp(parsed.data, { clientIp: clientIpFromHeaders(await headers()) });
    return { values: {}, errors: {}, sentTo: request.email };
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") return { values, errors: { form: error.message } };
    throw error;
  }
}

/** The button of a confirmation link's page: confirms the address and signs in. */
export async function confirmEmailAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    await signIn("confirm-email", { token: String(formData.get("token") ?? ""), redirectTo: "/dashboard" });
  } catch (error) {
    if (error instanceof AuthError) {
      return { values: {}, errors: { form: "This link does not work any more (used, expired or replaced by a newer one). Sign up again to get a new one." } };
    }
    throw error; // the redirect to the dashboard
  }
  return { values: {}, errors: {} };
}

export async function signOutAction(): Promise<void> {
  // next-auth's signOut event ends the server-side session as well as the cookie.
  await signOut({ redirectTo: "/signin" });
}

/** Settings: ends every dashboard session of this login, on every device, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const me = await requireMerchant("/dashboard/settings");
  await endAllSessions(me.userId);
  await signOut({ redirectTo: "/signin" });
}

/** Settings: a new password; the other sessions and the password grant's API tokens end. */
export async function changePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const me = await requireMerchant("/dashboard/settings");
  const parsed = changePasswordSchema.safeParse({ currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") });
  if (!parsed.success) return { values: {}, errors: fieldErrors(parsed.error.issues) };
  try {
    const { endedSessions } = await changePassword(me.userId, parsed.data, { keepSessionId: me.sessionId });
    const others = endedSessions === 0 ? "No other session was open." : `${endedSessions} other ${endedSessions === 1 ? "session was" : "sessions were"} signed out.`;
    return { values: {}, errors: {}, notice: `Password changed. ${others}` };
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION") {
      const field = error.details.field === "new_password" ? "newPassword" : error.details.field === "current_password" ? "currentPassword" : "form";
      return { values: {}, errors: { [field]: error.message } };
    }
    if (isAppError(error) && error.code === "RATE_LIMITED") return { values: {}, errors: { form: error.message } };
    throw error;
  }
}
