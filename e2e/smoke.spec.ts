import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./support/axe";
import { expectSkipLinkFirst } from "./support/skip-link";

test("the landing page says what the product is and leads to sign-in and the API docs", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Paylinks/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment links for MTN Mobile Money and Orange Money");
  await expect(page.getByRole("link", { name: "Sign in to the dashboard" })).toHaveAttribute("href", "/signin");
  await expect(page.getByRole("link", { name: "API documentation" })).toHaveAttribute("href", "/docs");
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "API documentation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API documentation");
  await expectNoA11yViolations(page);
});

test("every public page starts with a skip link to its one main landmark, and unknown pages answer 404", async ({ page }) => {
  for (const path of ["/", "/docs", "/signin", "/signup", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(path === "/no-such-page" ? 404 : 200);
    await expectSkipLinkFirst(page);
  }
  await expectNoA11yViolations(page);
});
