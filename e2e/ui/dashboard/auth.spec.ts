import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";
import { accountEmailKindsFor, confirmationLinkFor } from "../../support/db";

test("signs up a new merchant through the emailed link, lands on the dashboard, signs out (server-side too) and back in", async ({ page, browser }) => {
  const email = `owner-${Date.now()}@shop.test`;
  await page.goto("/signup");
  await expectNoA11yViolations(page);
  await page.getByLabel("Business name").fill("Épicerie Bonamoussadi");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expectNoA11yViolations(page);
  // No account opens before the link is followed.
  const early = await browser.newPage();
  await signInExpectingError(early, email, "a-long-password", "Confirm your email first");
  await early.close();

  const link = await confirmationLinkFor(email);
  await page.goto(link!);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Confirm my email and open my dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(email)).toBeVisible();
  // The link works once.
  await page.goto(link!);
  await expect(page.getByRole("alert").filter({ hasText: "This link does not work any more" })).toBeVisible();

  // A copy of the session cookie taken before signing out...
  const cookies = await page.context().cookies();
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/dashboard/links");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard%2Flinks$/);
  // ...opens nothing any more: the session ended on the server, not only in this browser.
  const stolen = await browser.newContext();
  await stolen.addCookies(cookies);
  const thief = await stolen.newPage();
  await thief.goto("/dashboard/links");
  await expect(thief).toHaveURL(/\/signin\?callbackUrl=/);
  expect((await thief.request.get("/api/dashboard/links")).status()).toBe(401);
  await stolen.close();

  await signIn(page, { email, password: "a-long-password" });
  await page.goto("/dashboard/links");
  await expect(page.getByText("No payment links yet.")).toBeVisible();
});

test("sign-up answers the same whether or not the address has an account, and opens nothing for a taken one", async ({ page }) => {
  const fresh = `fresh-${Date.now()}@shop.test`;
  const answers: string[] = [];
  for (const email of [fresh, DEMO.email]) {
    await page.goto("/signup");
    await page.getByLabel("Business name").fill("Duplicate shop");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another-long-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status")).toContainText(`We sent an email to ${email}.`);
    answers.push((await page.getByRole("status").innerText()).replace(email, "<email>"));
  }
  expect(answers[1]).toBe(answers[0]);
  // The owner of the taken address is told by email; their password still works, the new one does not.
  expect((await accountEmailKindsFor(DEMO.email)).at(-1)).toBe("account.already_exists");
  expect(await confirmationLinkFor(DEMO.email)).toBeNull();
  await signInExpectingError(page, DEMO.email, "another-long-password", "Email or password is incorrect.");
  await signIn(page);
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

test("a made-up confirmation link opens nothing", async ({ page }) => {
  await page.goto(`/signup/confirm?token=${"A".repeat(43)}`);
  await expect(page.getByRole("alert").filter({ hasText: "This link does not work any more" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Confirm my email/ })).toHaveCount(0);
});

test("the dashboard API answers 401 without a session", async ({ request }) => {
  const response = await request.get("/api/dashboard/links");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "Sign in to use the dashboard API" });
});

async function signInExpectingError(page: Page, email: string, password: string, message: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
}
