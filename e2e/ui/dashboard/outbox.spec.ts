import { expect, test, type Page } from "@playwright/test";
import { signIn, signUpNewMerchant } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";

/** Creates a link from the dashboard form, sent to the customer by email and SMS; returns its page's URL. */
async function createLinkSentToCustomer(page: Page, description: string) {
  await page.goto("/dashboard/links/new");
  await page.getByLabel("Amount").fill("7500");
  await page.getByLabel("Currency").selectOption("XAF");
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Delivery").selectOption("3");
  await page.getByLabel("Customer email").fill("awa@client.test");
  await page.getByLabel("Customer phone").fill("670000001");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page).toHaveURL(/\/dashboard\/links\/[0-9a-f-]{36}$/);
}

test("the Outbox page is in the dashboard's navigation, empty for a new merchant, and passes the accessibility check", async ({ page }) => {
  await signUpNewMerchant(page, "Boutique Outbox");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page).toHaveURL(/\/dashboard\/outbox$/);
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Outbox", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "No messages yet." })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a link created with delivery by email and SMS shows both messages, newest first, and each one's rendered text and HTML", async ({ page }) => {
  await signUpNewMerchant(page, "Boutique Akwa Outbox");
  await createLinkSentToCustomer(page, "Robe pagne <wax> & sac");

  await page.goto("/dashboard/outbox");
  const messages = page.getByTestId("messages").getByRole("article");
  await expect(messages).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveText("2 messages");
  const email = messages.filter({ hasText: "awa@client.test" });
  const sms = messages.filter({ hasText: "+237670000001" });
  await expect(email).toContainText(/Email · Payment link/);
  await expect(email.getByRole("heading")).toHaveText(/^Boutique Akwa Outbox vous demande un paiement de 7\s500\sFCFA$/);
  await expect(sms).toContainText(/SMS · Payment link/);
  await expect(sms.getByRole("heading")).toContainText("Boutique Akwa Outbox : paiement de 7 500 FCFA (Robe pagne <wax> & sac)");
  // No SMTP server or SMS gateway in the browser tests: the worker keeps them (or has not run yet).
  for (const status of await page.getByTestId("message-status").allTextContents()) expect(status).toMatch(/^(Pending|Sending|Kept)$/);
  await expectNoA11yViolations(page);

  // Filters live in the URL.
  await page.getByLabel("Channel").selectOption("SMS");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/channel=SMS/);
  await expect(messages).toHaveCount(1);
  await expect(messages.first()).toContainText("+237670000001");
  await page.getByRole("link", { name: "Show all" }).click();
  await expect(messages).toHaveCount(2);

  // The email, in full.
  await email.getByRole("link").click();
  await expect(page).toHaveURL(/\/dashboard\/outbox\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/vous demande un paiement de 7\s500\sFCFA$/);
  await expect(page.getByTestId("message-to")).toHaveText("awa@client.test");
  await expect(page.getByText("Email · Payment link · French")).toBeVisible();
  const text = page.getByTestId("message-text");
  await expect(text).toContainText("Objet : Robe pagne <wax> & sac");
  await expect(text).toContainText(/Payer maintenant : http:\/\/127\.0\.0\.1:\d+\/p\/\w+/);
  await expect(page.getByTestId("message-html-preview")).toHaveCount(0);
  await page.getByRole("button", { name: "Show preview" }).click();
  const preview = page.getByTestId("message-html-preview");
  await expect(preview).toHaveAttribute("sandbox", "");
  await expect(preview).toHaveAttribute("title", "HTML version of the email");
  await expect(page.frameLocator('[data-testid="message-html-preview"]').getByRole("link", { name: "Payer maintenant" })).toBeVisible();
  await expect(page.frameLocator('[data-testid="message-html-preview"]').getByText("Robe pagne <wax> & sac")).toBeVisible();
  // The preview is closed again before the accessibility check: axe cannot enter a frame without scripts.
  await page.getByRole("button", { name: "Hide preview" }).click();
  await expect(preview).toHaveCount(0);
  await page.getByText("HTML source").click();
  await expect(page.getByTestId("message-html-source")).toContainText("Robe pagne &lt;wax&gt; &amp; sac");
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Outbox", exact: true }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/outbox$/);
});

test("another merchant's message is not found", async ({ page, browser }) => {
  await signUpNewMerchant(page, "Boutique Privée");
  await createLinkSentToCustomer(page, "Secret");
  await page.goto("/dashboard/outbox");
  await page.getByTestId("messages").getByRole("article").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/dashboard\/outbox\/[0-9a-f-]{36}$/);
  const url = page.url();

  const other = await browser.newPage();
  await signIn(other);
  await other.goto(url);
  await expect(other.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(other.getByText("Secret")).toHaveCount(0);
  await other.close();
});

test("settings: the email for each successful payment needs an address, then is saved", async ({ page }) => {
  const account = await signUpNewMerchant(page, "Boutique Notif");
  await page.goto("/dashboard/settings");
  const section = page.getByRole("region", { name: "Payment notifications" });
  const email = section.getByLabel("Notification email");
  await expect(email).toHaveValue(account.email);
  await expect(section.getByLabel("Email me for each successful payment")).not.toBeChecked();
  await expectNoA11yViolations(page);

  await section.getByLabel("Email me for each successful payment").check();
  await email.fill("");
  await section.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.locator("#notificationEmail-error")).toHaveText("Enter the email address that receives payment notifications");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await email.fill("not-an-email");
  await section.getByRole("button", { name: "Save notifications" }).click();
  await expect(page.locator("#notificationEmail-error")).toHaveText("Notification email must be an email address");
  await expectNoA11yViolations(page);

  await email.fill("Caisse@Boutique.test");
  await section.getByRole("button", { name: "Save notifications" }).click();
  await expect(section.getByRole("status")).toHaveText("Notifications saved.");
  await page.reload();
  await expect(section.getByLabel("Email me for each successful payment")).toBeChecked();
  await expect(email).toHaveValue("caisse@boutique.test");
});

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the outbox and a message do not scroll sideways", async ({ page }) => {
    await signUpNewMerchant(page, "Boutique au nom vraiment très long pour un petit écran");
    await createLinkSentToCustomer(page, "Une description assez longue pour remplir toute la ligne sur un téléphone");
    await page.goto("/dashboard/outbox");
    await expect(page.getByTestId("messages").getByRole("article")).toHaveCount(2);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page);
    await page.getByTestId("messages").getByRole("article").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/dashboard\/outbox\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("message-text")).toBeVisible();
    await expect(page).toHaveTitle(/Message/);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page);
  });
});
