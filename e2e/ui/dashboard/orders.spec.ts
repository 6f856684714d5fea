import { expect, test, type Page } from "@playwright/test";
import { signIn, signUpNewMerchant } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";

/** An order's card on the Orders page, by its name ("Sales order 1012"). */
const orderCard = (page: Page, name: string) => page.getByRole("article", { name });

test("the Orders page is in the dashboard's navigation and passes the accessibility check", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Orders" }).click();
  await expect(page).toHaveURL(/\/dashboard\/orders$/);
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Orders", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/Page 1 of \d+ · \d+ orders/)).toBeVisible();
  await expectNoA11yViolations(page);
});

test("an order from creation to paid: payment made elsewhere, a dynamic link paid with MTN, the list says paid", async ({ page }) => {
  test.setTimeout(90_000);
  // A merchant of its own: other tests add orders to the demo merchant, which would page this one away.
  await signUpNewMerchant(page, "Quincaillerie Deido");
  await page.goto("/dashboard/orders");
  await expect(page.getByRole("heading", { name: "No orders yet." })).toBeVisible();
  await expect(page.getByText(/An order is a sales order or an invoice/)).toBeVisible();
  await expectNoA11yViolations(page);

  // Create: errors beside the fields first, then the order.
  await page.getByRole("link", { name: "Create an order or invoice" }).click();
  await expect(page).toHaveURL(/\/dashboard\/orders\/new$/);
  await expectNoA11yViolations(page);
  await page.getByLabel("Sales order number").fill("12a");
  await page.getByLabel("Total").fill("10000.5");
  await page.getByLabel("Currency").selectOption("XAF");
  await page.getByRole("button", { name: "Create sales order" }).click();
  await expect(page.locator("#number-error")).toHaveText("Enter a whole number of at least 1");
  await expect(page.locator("#total-error")).toHaveText(/XAF has no minor unit/);
  await expect(page.getByLabel("Total")).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page);

  await page.getByLabel("Sales order number").fill("1012");
  await page.getByLabel("Total").fill("10000");
  await page.getByLabel("Description (optional)").fill("Tôles et clous");
  await page.getByRole("button", { name: "Create sales order" }).click();
  await expect(page).toHaveURL(/\/dashboard\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sales order 1012" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Unpaid");
  await expect(page.getByTestId("order-unpaid")).toHaveText(/^FCFA\s10,000$/);
  await expectNoA11yViolations(page);

  // A payment made elsewhere: more than the unpaid rest is refused beside the field, with the service's words.
  const elsewhere = page.getByRole("region", { name: "Record a payment made elsewhere" });
  await elsewhere.getByLabel("Amount paid (XAF)").fill("20000");
  await elsewhere.getByRole("button", { name: "Record payment" }).click();
  await expect(page.locator("#elsewhere-amount-error")).toHaveText("amount must be at most 10000 (the unpaid rest)");
  await expect(elsewhere.getByLabel("Amount paid (XAF)")).toHaveAttribute("aria-invalid", "true");
  await elsewhere.getByLabel("Amount paid (XAF)").fill("4000");
  await elsewhere.getByRole("button", { name: "Record payment" }).click();
  await expect(elsewhere.getByRole("status")).toHaveText("4000 XAF recorded as paid elsewhere.");
  await expect(page.getByTestId("order-unpaid")).toHaveText(/^FCFA\s6,000$/);
  await expect(page.getByTestId("order-paid")).toHaveText(/^FCFA\s4,000$/);
  await expect(page.getByTestId("order-status")).toHaveText("Partly paid");

  // A dynamic link, chosen with the keyboard: it follows the unpaid rest.
  const linkForm = page.getByRole("region", { name: "Create a payment link" });
  await expect(linkForm.getByRole("radio", { name: /^The unpaid rest: FCFA\s6,000$/ })).toBeChecked();
  await linkForm.getByRole("radio", { name: /The unpaid rest/ }).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(linkForm.getByRole("radio", { name: "Dynamic: follows the unpaid rest" })).toBeChecked();
  await linkForm.getByRole("button", { name: "Create payment link" }).click();
  const created = page.getByTestId("created-link");
  await expect(created).toContainText("Payment link created. It follows the unpaid rest.");
  await expect(created.getByRole("button", { name: "Copy pay URL" })).toBeVisible();
  const payUrl = (await page.getByTestId("created-link-url").textContent())!;
  expect(payUrl).toMatch(/\/pay\/[\w-]+$/);
  await expect(created.getByRole("link", { name: "Open the link's page" })).toHaveAttribute("href", /^\/dashboard\/links\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("region", { name: "Payment links" }).getByRole("link", { name: "Follows the unpaid rest" })).toBeVisible();
  await expectNoA11yViolations(page);
  const orderPage = page.url();

  // The customer pays the rest with the MTN number that succeeds.
  await page.goto(`${payUrl}?lang=en`);
  await expect(page.getByTestId("amount")).toHaveText(/^FCFA\s6,000$/);
  await page.getByRole("radio", { name: "MTN Mobile Money" }).check();
  await page.getByLabel("Mobile Money phone number").fill("670000001");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 15_000 });

  // Back on Orders: paid, nothing unpaid, the link paid.
  await page.goto("/dashboard/orders");
  const card = orderCard(page, "Sales order 1012");
  await expect(card.getByTestId("order-status")).toHaveText("Paid");
  await expect(card.getByTestId("order-unpaid")).toHaveText(/^FCFA\s0$/);
  await expect(card.getByTestId("order-paid")).toHaveText(/^FCFA\s10,000$/);
  await expect(card.getByTestId("order-total")).toHaveText(/^FCFA\s10,000$/);
  await expect(card.getByTestId("order-links").getByRole("listitem")).toHaveCount(1);
  await expect(card.getByTestId("order-links")).toContainText("Follows the unpaid rest");
  await expect(card.getByTestId("order-links")).toContainText("Paid");
  await expectNoA11yViolations(page);

  // A paid order offers no new link.
  await page.goto(orderPage);
  await expect(page.getByTestId("order-settled")).toHaveText("This order is paid: it needs no new payment link.");
  await expect(page.getByRole("region", { name: "Create a payment link" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Record a payment made elsewhere" })).toHaveCount(0);
});

test("an invoice belongs to a sales order; an advance is a fixed part of the rest", async ({ page }) => {
  await signUpNewMerchant(page, "Pharmacie Bonapriso");
  await page.goto("/dashboard/orders/new");
  await page.getByLabel("Sales order number").fill("77");
  await page.getByLabel("Total").fill("120.50");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Create sales order" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sales order 77" })).toBeVisible();
  await expect(page.getByTestId("order-total")).toHaveText("€120.50");

  await page.getByRole("link", { name: "Create an invoice for this sales order" }).click();
  await expect(page.getByLabel("Kind")).toHaveValue("INVOICE");
  await expect(page.getByLabel("Sales order it belongs to (optional)").locator("option:checked")).toHaveText(/^Sales order 77 · €120.50/);
  // The invoice is in its sales order's currency unless the merchant changes it.
  await expect(page.getByLabel("Currency")).toHaveValue("EUR");
  await page.getByLabel("Invoice number").fill("501");
  await page.getByLabel("Total").fill("100.005");
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page.locator("#total-error")).toHaveText(/more than 2 decimal places/);
  await page.getByLabel("Total").fill("100.25");
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invoice 501" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sales order 77" })).toBeVisible();

  const linkForm = page.getByRole("region", { name: "Create a payment link" });
  await linkForm.getByRole("radio", { name: "An advance of an amount" }).check();
  await linkForm.getByLabel("Amount of the advance (EUR)").fill("30");
  await linkForm.getByRole("button", { name: "Create payment link" }).click();
  await expect(page.getByTestId("created-link")).toContainText("It asks for €30.00.");
  await expect(page.getByRole("region", { name: "Payment links" }).getByRole("link", { name: "€30.00" })).toBeVisible();

  // The same number twice is refused beside the field.
  await page.goto("/dashboard/orders/new?kind=INVOICE");
  await page.getByLabel("Invoice number").fill("501");
  await page.getByLabel("Total").fill("10");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page.locator("#number-error")).toHaveText("Invoice 501 already exists");

  await page.goto("/dashboard/orders");
  await expect(orderCard(page, "Invoice 501").getByTestId("order-status")).toHaveText("Unpaid");
  await expect(orderCard(page, "Invoice 501")).toContainText("Belongs to Sales order 77");
  await expect(orderCard(page, "Sales order 77")).toContainText("No payment links yet.");
});
