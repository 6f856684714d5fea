import { expect, test } from "@playwright/test";

test("/docs shows every operation with a curl command and an example answer, the test numbers and how to know a payment succeeded", async ({ page, request }) => {
  await page.goto("/docs");
  const spec = (await (await request.get("/api/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  const operationCount = Object.values(spec.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);

  const articles = page.locator("main article");
  await expect(articles).toHaveCount(operationCount);
  await expect(page.locator('pre[data-example="curl"]')).toHaveCount(operationCount);
  expect(await page.locator('pre[data-example="response"]').count()).toBeGreaterThan(operationCount / 2);

  // The Instanvi create: a command that posts JSON with the key, and a JSON answer in the envelope.
  const create = page.locator("#instanviCreatePaymentLink");
  await expect(create.locator('pre[data-example="curl"]')).toContainText('curl -sS -X POST "$BASE/api/payment-links/create"');
  await expect(create.locator('pre[data-example="curl"]')).toContainText('-H "x-api-key: $API_KEY"');
  const answer = JSON.parse((await create.locator('pre[data-example="response"]').textContent()) ?? "") as { status_code: number; data: { slug: string } };
  expect(answer.status_code).toBe(200);
  expect(typeof answer.data.slug).toBe("string");
  // Path parameters are shell variables, never <placeholders> the shell would read as redirections.
  await expect(page.locator("#instanviGetPaymentLinkById pre[data-example=curl]")).toContainText('"$BASE/api/payment-links/id/$ID"');
  for (const text of await page.locator('pre[data-example="curl"]').allTextContents()) expect(text).not.toMatch(/\s<[a-z_]+>/i);

  await expect(page.getByRole("heading", { name: "How do I know a payment succeeded?" })).toBeVisible();
  await expect(page.getByText("Webhooks first.")).toBeVisible();
  const numbers = page.getByRole("table", { name: "Sandbox test numbers and what they do" });
  await expect(numbers.getByRole("row", { name: /670000001 MTN MoMo The payer approves/ })).toBeVisible();
  await expect(numbers.getByRole("row", { name: /690000003 Orange Money The payer rejects/ })).toBeVisible();
});
