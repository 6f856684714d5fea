import { expect, test } from "@playwright/test";

test("the landing page says what the product is and leads to sign-in and the API docs", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Paylinks/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment links for MTN Mobile Money and Orange Money");
  await expect(page.getByRole("link", { name: "Sign in to the dashboard" })).toHaveAttribute("href", "/signin");
  await expect(page.getByRole("link", { name: "API documentation" })).toHaveAttribute("href", "/docs");
});
