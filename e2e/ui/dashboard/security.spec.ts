import { expect, test, type Browser } from "@playwright/test";
import { signIn, signUpNewMerchant } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";

/** A second browser signed in to the same login. */
async function otherBrowser(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

test("changing the password ends the other sessions (and keeps this one)", async ({ page, browser }) => {
  const account = await signUpNewMerchant(page, "Boutique Sécurité");
  const other = await otherBrowser(browser, account);

  await page.goto("/dashboard/settings");
  await expect(page.getByTestId("active-sessions")).toHaveText("Your login is signed in on 2 browsers or devices.");
  await expectNoA11yViolations(page);

  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#currentPassword-error")).toHaveText("Current password is incorrect");

  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toHaveText("Password changed. 1 other session was signed out.");

  await other.page.goto("/dashboard/links");
  await expect(other.page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.goto("/dashboard/links");
  await expect(page).toHaveURL(/\/dashboard\/links$/);

  await signIn(other.page, { email: account.email, password: "a-brand-new-password" });
  await other.context.close();
});

test("sign out everywhere ends every session of the login, this one included", async ({ page, browser }) => {
  const account = await signUpNewMerchant(page, "Boutique Partout");
  const other = await otherBrowser(browser, account);
  const cookies = await page.context().cookies();

  await page.goto("/dashboard/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin$/);

  await other.page.goto("/dashboard");
  await expect(other.page).toHaveURL(/\/signin\?callbackUrl=/);
  await other.context.close();

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto("/dashboard/settings");
  await expect(again).toHaveURL(/\/signin\?callbackUrl=/);
  await replay.close();
});
