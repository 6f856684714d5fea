import { appBaseUrl } from "@/lib/config/app-url";
import { buttonLink, emailDocument, html } from "@/lib/notifications/templates/html";

/**
 * The emails of the sign-up, in English like the dashboard. Both kinds go to whoever typed the
 * address, and are written to the outbox of the account they concern; the dashboard's Outbox
 * page does not list them (they are the product's, not the merchant's, messages).
 */
export const ACCOUNT_EMAIL_KINDS = { confirm: "account.confirm_email", exists: "account.already_exists" } as const;

export interface AccountEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: "en";
}

const FOOTER = "You receive this email because this address was typed into the Paylinks sign-up form.";

export function confirmationUrl(token: string): string {
  return `${appBaseUrl()}/signup/confirm?${new URLSearchParams({ token })}`;
}

/** "Confirm your email": the only way into an account that was just signed up for. */
export function renderConfirmEmail(input: { to: string; businessName: string; url: string; validHours: number }): AccountEmail {
  const subject = "Confirm your email to open your Paylinks account";
  const text = [
    `Welcome to Paylinks, ${input.businessName}.`,
    "",
    "Open this link to confirm your email address and sign in to your dashboard:",
    input.url,
    "",
    `The link works once, for ${input.validHours} hours. If you did not sign up, ignore this email: no account is opened without it.`,
  ].join("\n");
  const body = html`<h1 style="margin:0 0 16px;font-size:20px">Confirm your email</h1>
<p style="margin:0 0 8px">Welcome to Paylinks, ${input.businessName}. Open this link to confirm your email address and sign in to your dashboard.</p>
${buttonLink(input.url, "Confirm my email")}
<p style="margin:0;color:#475569;font-size:14px">The link works once, for ${input.validHours} hours. If you did not sign up, ignore this email: no account is opened without it.</p>`;
  return { to: input.to, subject, text, html: emailDocument({ language: "en", title: subject, body, footer: FOOTER }), language: "en" };
}

/** "You already have an account": what someone signing up with a taken address gets instead. */
export function renderAlreadyExistsEmail(input: { to: string }): AccountEmail {
  const url = `${appBaseUrl()}/signin`;
  const subject = "You already have a Paylinks account";
  const text = [
    "Someone, probably you, asked to open a Paylinks account with this email address. You already have one:",
    "sign in at",
    url,
    "",
    "If it was not you, ignore this email: nothing was changed.",
  ].join("\n");
  const body = html`<h1 style="margin:0 0 16px;font-size:20px">You already have an account</h1>
<p style="margin:0 0 8px">Someone, probably you, asked to open a Paylinks account with this email address. You already have one: sign in with it.</p>
${buttonLink(url, "Sign in")}
<p style="margin:0;color:#475569;font-size:14px">If it was not you, ignore this email: nothing was changed.</p>`;
  return { to: input.to, subject, text, html: emailDocument({ language: "en", title: subject, body, footer: FOOTER }), language: "en" };
}
