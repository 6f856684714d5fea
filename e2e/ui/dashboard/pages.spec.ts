import { expect, test } from "@playwright/test";
import { CREDENTIAL_SCOPES, SCOPE_LABELS } from "@/lib/domain/credentials/schemas";
import { signIn } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";
import { expectSkipLinkFirst } from "../../support/skip-link";

test("the overview shows money collected, links by status, conversion and latest payments", async ({ page }) => {
  await signIn(page);
  await expectNoA11yViolations(page);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("collected").getByRole("rowheader", { name: "XAF" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Cancelled \d+/ })).toBeVisible();
  await expect(page.getByText(/links paid for \d+ pay-page views/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Latest payments" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("navigation", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("heading", { name: "Overview" })).toBeVisible();
  await expectSkipLinkFirst(page);
});

test("payments: filter by status and provider, totals, and CSV export of the filtered set", async ({ page }) => {
  await signIn(page);
  await page.goto("/dashboard/payments");
  await expectNoA11yViolations(page);
  await page.getByLabel("Status").selectOption("FAILED");
  await page.getByLabel("Provider").selectOption("MTN_CAM");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  const rows = page.getByTestId("payments").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) {
    expect(text).toContain("Failed");
    expect(text).toContain("MTN MoMo");
  }
  await expect(page.getByTestId("totals")).toContainText("0 successful of");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await (await file.createReadStream()).toArray()).join("");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain("transaction_id");
  expect(lines.length - 1).toBe(await rows.count());
  for (const line of lines.slice(1)) expect(line).toMatch(/FAILED.*MTN_CAM/);
});

test("developers: a new API key is shown once, works, and stops working when revoked", async ({ page, request }) => {
  await signIn(page);
  await page.goto("/dashboard/developers");
  await expectNoA11yViolations(page);
  const scopes = page.getByRole("group", { name: "Scopes" }).getByRole("checkbox");
  await expect(scopes).toHaveCount(CREDENTIAL_SCOPES.length);
  for (const scope of CREDENTIAL_SCOPES) await expect(page.getByRole("checkbox", { name: SCOPE_LABELS[scope] })).toBeChecked();
  const name = `Backend ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  expect(key).toMatch(/^pk_test_[\w-]+\.sk_test_[\w-]+$/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(key.slice(-4));
  // Left as they are, the scope boxes give the new key every scope.
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByRole("cell").nth(3)).toHaveText("Payment links, E-commerce, Payments");

  const list = () => request.get("/api/payment-links?limit=1", { headers: { "x-api-key": key } });
  expect((await list()).status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("row", { name: new RegExp(name) }).getByRole("button", { name: /Revoke/ }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  expect((await list()).status()).toBe(401);
});

test("settings: saves, refuses a bad URL beside the field, reveals and rotates the webhook secret", async ({ page }) => {
  await signIn(page);
  await page.goto("/dashboard/settings");
  await expectNoA11yViolations(page);
  await page.getByLabel("Callback URL").fill("not a url");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#callbackUrl-error")).toHaveText("Callback URL must be an http(s) URL");

  await page.getByLabel("Callback URL").fill("https://shop.example/callback");
  await page.getByLabel("Pay page language").selectOption("en");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Callback URL")).toHaveValue("https://shop.example/callback");
  await expect(page.getByLabel("Pay page language")).toHaveValue("en");

  const secret = page.getByTestId("webhook-secret");
  await expect(secret).not.toContainText(/whsec_[A-Za-z0-9_-]{10}/);
  await page.getByRole("button", { name: "Reveal" }).click();
  const before = await secret.textContent();
  expect(before).toMatch(/^whsec_[A-Za-z0-9+/=_-]+$/);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Rotate" }).click();
  await expect(secret).not.toHaveText(before!);
  await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/=_-]+$/);
});

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("no dashboard page scrolls sideways", async ({ page }) => {
    await signIn(page);
    for (const path of ["/dashboard", "/dashboard/links", "/dashboard/links/new", "/dashboard/orders", "/dashboard/orders/new", "/dashboard/payments", "/dashboard/developers", "/dashboard/settings"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
