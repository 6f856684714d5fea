import { expect, type Page } from "@playwright/test";
import { demoAccounts } from "@/prisma/demo-accounts";

export const DEMO = demoAccounts().demo;
export const SECOND = demoAccounts().second;

export async function signIn(page: Page, account: { email: string; password: string } = DEMO) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Signs up a merchant of its own (signed in on return), for tests that need an account nobody else writes to. */
export async function signUpNewMerchant(page: Page, business = "Test shop"): Promise<{ email: string; password: string }> {
  const account = { email: `merchant-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@shop.test`, password: "a-long-password" };
  await page.goto("/signup");
  await page.getByLabel("Business name").fill(business);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return account;
}
