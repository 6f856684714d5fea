import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";

test("signs up a new merchant, lands on the dashboard, signs out and back in", async ({ page }) => {
  const email = `owner-${Date.now()}@shop.test`;
  await page.goto("/signup");
  await expectNoA11yViolations(page);
  await page.getByLabel("Business name").fill("Épicerie Bonamoussadi");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(email)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/dashboard/links");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard%2Flinks$/);

  await signIn(page, { email, password: "a-long-password" });
  await page.goto("/dashboard/links");
  await expect(page.getByText("No payment links yet.")).toBeVisible();
});

test("refuses bad sign-ups and sign-ins with clear messages that do not say which part was wrong", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Business name").fill("X");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#password-error")).toContainText("10");
  await expect(page.locator("#email-error")).toBeVisible();
  await expect(page.locator("#businessName-error")).toBeVisible();

  await page.getByLabel("Business name").fill("Duplicate shop");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("An account with this email already exists. Sign in instead.");

  await page.goto("/signin");
  await expectNoA11yViolations(page);
  for (const [email, password] of [
    [DEMO.email, "wrong-password"],
    ["nobody@nowhere.test", "whatever-password"],
  ] as const) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  }
});

test("the dashboard API answers 401 without a session", async ({ request }) => {
  const response = await request.get("/api/dashboard/links");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "Sign in to use the dashboard API" });
});
