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
