import { expect, test, type Page } from "@playwright/test";
import { createLink, DEMO_API_KEY, redeem } from "../../support/api";
import { shortCodeOf } from "../../support/db";
import { expectNoA11yViolations } from "../../support/axe";
import { expectSkipLinkFirst } from "../../support/skip-link";

test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });

async function pay(page: Page, provider: "MTN Mobile Money" | "Orange Money", phone: string) {
  await page.getByRole("radio", { name: provider }).check();
  await page.getByLabel("Mobile Money phone number").fill(phone);
  await page.getByRole("button", { name: /^Pay / }).click();
}

test("pays a link with MTN Mobile Money and shows a receipt", async ({ page, request }) => {
  const link = await createLink(request, { amount: 15000, description: "Robe wax sur mesure" });
  const response = await page.goto(`/pay/${link.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Boutique Akwa (demo)")).toBeVisible();
  await expect(page.getByTestId("amount")).toHaveText(/^FCFA\s15,000$/);
  await expect(page.getByRole("img", { name: "Scan to pay from another phone" })).toBeVisible();
  await expectNoA11yViolations(page);

  await pay(page, "MTN Mobile Money", "670000001");
  await expect(page.getByRole("heading", { name: "Approve the payment on your phone" })).toBeVisible();
  await expect(page.getByText("Dial *126#")).toBeVisible();
  await expectNoA11yViolations(page);
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 15_000 });
  await expectNoA11yViolations(page);
  await expect(page.getByText(new RegExp(`pl_${link.slug}_`))).toBeVisible();
  await expect(page.getByRole("button", { name: "Print receipt" })).toBeVisible();
});

test("pays with Orange Money, the link's preferred provider offered first", async ({ page, request }) => {
  const link = await createLink(request, { provider: "ORANGE_CAM" });
  await page.goto(`/pay/${link.slug}`);
  await expect(page.getByRole("radio").first()).toHaveAccessibleName("Orange Money");
  await expect(page.getByRole("radio", { name: "Orange Money" })).toBeChecked();
  await page.getByLabel("Mobile Money phone number").fill("690000001");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Dial #150#")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 15_000 });
});

test("explains a failure in plain words and lets the customer retry", async ({ page, request }) => {
  const link = await createLink(request);
  await page.goto(`/pay/${link.slug}`);
  await pay(page, "MTN Mobile Money", "670000002");
  await expect(page.getByRole("heading", { name: "The payment failed" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("There is not enough money in your account.")).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "Try again" }).click();
  await pay(page, "MTN Mobile Money", "670000001");
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 15_000 });
});

test("a payment nobody approves times out and the link can be paid again", async ({ page, request }) => {
  const link = await createLink(request);
  await page.goto(`/pay/${link.slug}`);
  await pay(page, "Orange Money", "690000004");
  await expect(page.getByText("Waiting for your approval…")).toBeVisible();
  await expect(page.getByText("The payment was not approved in time.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByRole("button", { name: /^Pay / })).toBeVisible();
});

test("refuses a wrong phone number beside the field, keeping what was typed", async ({ page, request }) => {
  const link = await createLink(request);
  await page.goto(`/pay/${link.slug}`);
  await pay(page, "MTN Mobile Money", "12345");
  const phone = page.getByLabel("Mobile Money phone number");
  await expect(phone).toHaveValue("12345");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#phone-error")).toHaveText(/valid Cameroon mobile number/);
  await expectNoA11yViolations(page);
  await expect(phone).toHaveAttribute("aria-describedby", /phone-error/);
});

test("says so when the provider fails at the start, and nothing is reserved", async ({ page, request }) => {
  const link = await createLink(request);
  await page.goto(`/pay/${link.slug}`);
  await pay(page, "MTN Mobile Money", "670000005");
  await expect(page.getByText(/MTN Mobile Money is not answering right now/)).toBeVisible();
  const state = await (await request.get(`/api/payment-links/${link.slug}`)).json();
  expect(state.data.current_uses).toBe(0);
});

test("shows the test numbers on a SANDBOX link", async ({ page, request }) => {
  const link = await createLink(request);
  await page.goto(`/pay/${link.slug}`);
  await expect(page.getByText("Test mode", { exact: true })).toBeVisible();
  await page.getByText("Test numbers").click();
  await expect(page.getByRole("cell", { name: /670000002/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await expect(page.getByText("The payment fails: insufficient funds.").first()).toBeVisible();
});

test.describe("gone links have their own screen and status", () => {
  test("unknown (404), cancelled, expired, exhausted and paid (410)", async ({ page, request }) => {
    expect((await page.goto("/pay/pay_doesnotexist"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Payment link not found" })).toBeVisible();
    await expectNoA11yViolations(page);

    const cancelled = await createLink(request);
    await request.post(`/api/payment-links/${cancelled.id}/cancel`, { headers: { "x-api-key": DEMO_API_KEY } });
    expect((await page.goto(`/pay/${cancelled.slug}`))?.status()).toBe(410);
    await expect(page.getByRole("heading", { name: "This link has been cancelled" })).toBeVisible();
    await expectNoA11yViolations(page);

    const exhausted = await createLink(request);
    await redeem(request, exhausted.slug, "670000004");
    expect((await page.goto(`/pay/${exhausted.slug}`))?.status()).toBe(410);
    await expect(page.getByRole("heading", { name: "This link has reached its maximum number of uses" })).toBeVisible();

    const paid = await createLink(request);
    await redeem(request, paid.slug, "670000001");
    await expect(async () => {
      expect((await request.get(`/api/payment-links/${paid.slug}`)).status()).toBe(410);
      expect((await page.goto(`/pay/${paid.slug}`))?.status()).toBe(410);
      await expect(page.getByRole("heading", { name: "This link has already been paid" })).toBeVisible({ timeout: 100 });
    }).toPass({ timeout: 15_000 });

    const expired = await createLink(request, { expires_at: new Date(Date.now() + 1500).toISOString() });
    await page.waitForTimeout(1600);
    expect((await page.goto(`/pay/${expired.slug}`))?.status()).toBe(410);
    await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  });
});

test("speaks the browser's language, the link's language, and switches on request", async ({ browser, request }) => {
  const link = await createLink(request);
  const french = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const page = await french.newPage();
  await page.goto(`/pay/${link.slug}`);
  await expect(page.getByText("Payer avec")).toBeVisible();
  await expect(page.getByTestId("amount")).toHaveText(/5\s000\sFCFA/);
  await expect(page.locator("main")).toHaveAttribute("lang", "fr");
  await expectNoA11yViolations(page);
  await expectSkipLinkFirst(page, "Aller au contenu principal");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByText("Pay with")).toBeVisible();
  await expect(page.getByTestId("amount")).toHaveText(/^FCFA\s5,000$/);
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.getByText("Payer avec")).toBeVisible();
  await french.close();
});

test("the short URL and Zeamster's /paylink?id= lead to the pay page", async ({ page, request }) => {
  const link = await createLink(request);
  await page.goto(`/p/${await shortCodeOf(link.id)}`);
  await expect(page).toHaveURL(new RegExp(`/pay/${link.slug}$`));
  await expect(page.getByRole("button", { name: /^Pay / })).toBeVisible();
  await page.goto(`/paylink?id=${link.id}`);
  await expect(page).toHaveURL(new RegExp(`/pay/${link.slug}$`));
  expect((await request.get("/p/nope1234", { maxRedirects: 0 })).status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still pays, and the status can be refreshed by hand", async ({ page, request }) => {
    const link = await createLink(request);
    await page.goto(`/pay/${link.slug}`);
    await pay(page, "MTN Mobile Money", "670000001");
    await expect(page.getByRole("heading", { name: "Approve the payment on your phone" })).toBeVisible();
    await expect(async () => {
      await page.getByRole("link", { name: "Refresh status" }).click({ timeout: 500 });
      await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
  });
});
