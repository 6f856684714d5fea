import { expect, type Page } from "@playwright/test";
import { demoAccounts } from "@/prisma/demo-accounts";
import { confirmationLinkFor } from "./db";

export const DEMO = demoAccounts().demo;
export const SECOND = demoAccounts().second;

export async function signIn(page: Page, account: { email: string; password: string } = DEMO) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * Signs up a merchant of its own (signed in on return), for tests that need an account nobody
 * else writes to: the form, then the confirmation link of its email (read from the outbox).
 */
export async function signUpNewMerchant(page: Page, business = "Test shop"): Promise<{ email: string; password: string }> {
  const account = { email: `merchant-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@shop.test`, password: "a-long-password" };
  await page.goto("/signup");
  await page.getByLabel("Business name").fill(business);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmEmail(page, account.email);
  return account;
}

/** After the sign-up form: "check your inbox", then the email's link and its button, to the dashboard. */
export async function confirmEmail(page: Page, email: string): Promise<void> {
  await expect(page.getByRole("status")).toContainText(`We sent an email to ${email}.`);
  const link = await confirmationLinkFor(email);
  expect(link, `a confirmation link was emailed to ${email}`).toBeTruthy();
  await page.goto(link!);
  await page.getByRole("button", { name: "Confirm my email and open my dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}
