import { expect, test } from "@playwright/test";
import { createLink } from "../../support/api";
import { SECOND, signIn } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";

test("lists, filters, searches and paginates links, with the filters in the URL", async ({ page }) => {
  await signIn(page);
  await page.goto("/dashboard/links");
  await expectNoA11yViolations(page);
  const rows = page.getByTestId("links").getByRole("listitem");
  await expect(rows).toHaveCount(20);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination.getByText(/^(\d+|More than [\d,]+) links$/)).toBeVisible();
  await expect(pagination.getByRole("button", { name: "Previous" })).toBeDisabled();
  // Each row links to its link's page: the hrefs name the rows (their texts may change while other tests pay links).
  const hrefs = () => rows.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const firstPage = await hrefs();

  // Pages go by cursor: Next, then Previous, brings back the same links.
  await pagination.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows.first().getByRole("link")).not.toHaveAttribute("href", firstPage[0]!);
  for (const href of await hrefs()) expect(firstPage).not.toContain(href);
  await pagination.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect.poll(hrefs).toEqual(firstPage);
  await page.goBack();
  await page.goBack();
  await expect(page).not.toHaveURL(/after=|before=/);
  await expect(pagination.getByRole("button", { name: "Previous" })).toBeDisabled();

  await page.getByLabel("Status").selectOption("CANCELLED");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=CANCELLED/);
  await expect(rows.first()).toBeVisible();
  for (const badge of await rows.getByText(/^(Active|Paid|Expired|Cancelled)$/).allTextContents()) expect(badge).toBe("Cancelled");

  await page.goto("/dashboard/links?q=raphia");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Facture #1001 - sacs en raphia");

  await page.goto("/dashboard/links?q=no-such-link-anywhere");
  await expect(page.getByText("No links match these filters.")).toBeVisible();

  await page.goto("/dashboard/links?sort=amount&order=desc&status=ACTIVE");
  await expect(page.getByLabel("Sort by")).toHaveValue("amount:desc");
  await expect(rows.first()).toBeVisible();
});

test("creates a link: errors beside the fields, then success on the link's page", async ({ page }) => {
  await signIn(page);
  await page.goto("/dashboard/links/new");
  await expectNoA11yViolations(page);
  await page.getByLabel("Amount").fill("10.005");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Maximum uses").fill("101");
  await page.getByLabel("Delivery").selectOption("1");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page.locator("#amount-error")).toHaveText(/more than 2 decimal places/);
  await expect(page.locator("#maxUses-error")).toHaveText("Enter a whole number from 1 to 100");
  await expect(page.locator("#customerEmail-error")).toHaveText("An email address is needed to send the link by email");

  await page.getByLabel("Amount").fill("12.50");
  await page.getByLabel("Maximum uses").fill("3");
  await page.getByLabel("Delivery").selectOption("0");
  await page.getByLabel("Description").fill("Atelier couture - acompte");
  await page.getByRole("button", { name: "Add metadata" }).click();
  await page.getByLabel("Metadata key 1").fill("client");
  await page.getByLabel("Metadata value 1").fill("Mme Ngo");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page).toHaveURL(/\/dashboard\/links\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Atelier couture - acompte" })).toBeVisible();
  await expect(page.getByTestId("link-amount")).toHaveText("€12.50");
  await expect(page.getByText("0 of 3")).toBeVisible();
  await expect(page.getByText("Mme Ngo")).toBeVisible();
});

test("shows a link's QR code with downloads, edits it, and cancels it after confirmation", async ({ page, request }) => {
  const link = await createLink(request, { amount: 7500, description: "Sac en raphia", metadata: { size: "M" } });
  await signIn(page);
  await page.goto(`/dashboard/links/${link.id}`);
  await expectNoA11yViolations(page);
  await expect(page.getByText(`/pay/${link.slug}`)).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code of .*\/pay\// })).toBeVisible();

  const png = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PNG" }).click();
  expect((await png).suggestedFilename()).toBe(`${link.slug}.png`);
  const svg = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download SVG" }).click();
  expect((await svg).suggestedFilename()).toBe(`${link.slug}.svg`);

  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit link" });
  await dialog.getByLabel("Description").fill("Sac en raphia (grand)");
  await dialog.getByLabel("Metadata value 1").fill("L");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Sac en raphia (grand)" })).toBeVisible();
  await expect(page.getByText("link.updated")).toBeVisible();

  await page.getByRole("button", { name: "Cancel link" }).click();
  await page.getByRole("button", { name: "Keep link" }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Cancel link" }).click();
  await page.getByRole("button", { name: "Yes, cancel link" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel link" })).toHaveCount(0);
});

test("a merchant cannot open another merchant's link by URL", async ({ page, request }) => {
  const response = await request.post("/api/payment-links/create", {
    headers: { "x-api-key": SECOND.apiKey },
    data: { amount: 900, description: "Pain au chocolat" },
  });
  const theirs = (await response.json()).data;
  await signIn(page);
  const visit = await page.goto(`/dashboard/links/${theirs.id}`);
  expect(visit?.status()).toBe(404);
  await expect(page.getByText("Pain au chocolat")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expectNoA11yViolations(page);
});
