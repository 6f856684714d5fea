import { expect, test, type APIRequestContext } from "@playwright/test";
import { createLink, redeem } from "../../support/api";
import { signIn } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";

/**
 * Uses held by pending payments are "awaiting payment", never "paid"; the provider's final word
 * wins: a payment we failed for want of an answer (PAYMENT_TIMEOUT_MS is 8 s in the browser
 * tests) that the provider confirms later is shown as paid late, and flagged for a refund when
 * another payment had meanwhile paid the link. The payer "approves late" through the MTN mock's
 * sandbox endpoint, which then calls the product back as MTN would.
 */

const statusOf = (request: APIRequestContext, paymentId: string) => async () =>
  ((await (await request.get(`/api/pay/payments/${paymentId}`)).json()) as { status: string }).status;

async function approveLate(request: APIRequestContext, paymentId: string) {
  const mtn = process.env.MTN_BASE_URL;
  expect(mtn, "npm test passes the MTN mock's URL").toBeTruthy();
  const answered = await request.post(`${mtn}/sandbox/payer/${paymentId}`, { data: { answer: "approve" } });
  expect(answered.status()).toBe(200);
}

test("a link whose one use is held by a pending payment reads 'Awaiting payment', not 'Paid'", async ({ page, request }) => {
  await signIn(page);
  const description = `Awaiting ${Date.now()}`;
  const link = await createLink(request, { description });
  const redeemed = await redeem(request, link.slug, "670000004");
  // Instanvi's contract reads PAID as soon as every use is taken; the dashboard does not.
  expect(redeemed.payment_link.status).toBe("PAID");

  // Quickly: the pending payment fails locally once PAYMENT_TIMEOUT_MS (8 s here) has passed.
  await page.goto(`/dashboard/links/${link.id}`);
  await expect(page.getByRole("heading", { name: description })).toBeVisible();
  await expect(page.locator("main").getByText("Awaiting payment", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("link-uses")).toContainText("1 awaiting payment");

  await page.goto(`/dashboard/links?status=AWAITING_PAYMENT&q=${encodeURIComponent(description)}`);
  const rows = page.getByTestId("links").getByRole("listitem");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Awaiting payment");
  await page.goto(`/dashboard/links?status=PAID&q=${encodeURIComponent(description)}`);
  await expect(page.getByText("No links match these filters.")).toBeVisible();
});

test("a success the provider confirms after our deadline is shown as paid late", async ({ page, request }) => {
  test.setTimeout(60_000);
  const description = `Paid late ${Date.now()}`;
  const link = await createLink(request, { description });
  const { payment } = await redeem(request, link.slug, "670000004");
  await expect.poll(statusOf(request, payment.id), { timeout: 30_000 }).toBe("FAILED");

  await approveLate(request, payment.id);
  await expect.poll(statusOf(request, payment.id), { timeout: 15_000 }).toBe("SUCCESSFUL");

  await signIn(page);
  await page.goto(`/dashboard/links/${link.id}`);
  await expect(page.getByRole("heading", { name: description })).toBeVisible();
  await expect(page.getByRole("main").getByText("Paid late", { exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText("Paid", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("over-collected")).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("money that arrives late for a link paid meanwhile is flagged to refund", async ({ page, request }) => {
  test.setTimeout(60_000);
  const description = `Over-collected ${Date.now()}`;
  const link = await createLink(request, { description });
  const late = await redeem(request, link.slug, "670000004");
  await expect.poll(statusOf(request, late.payment.id), { timeout: 30_000 }).toBe("FAILED");

  // The freed use goes to another payer, who pays.
  const other = await redeem(request, link.slug, "670000001");
  await expect.poll(statusOf(request, other.payment.id), { timeout: 15_000 }).toBe("SUCCESSFUL");
  await approveLate(request, late.payment.id);
  await expect.poll(statusOf(request, late.payment.id), { timeout: 15_000 }).toBe("SUCCESSFUL");

  await signIn(page);
  await page.goto(`/dashboard/links/${link.id}`);
  await expect(page.getByTestId("over-collected")).toContainText("Refund this payer");
  await expect(page.getByTestId("over-collected")).toContainText("+237670000004");
  await expect(page.getByRole("main").getByText("Over-collected: refund", { exact: true })).toBeVisible();
  await expect(page.getByTestId("link-uses")).toHaveText("1 of 1");
  await expectNoA11yViolations(page);
});
