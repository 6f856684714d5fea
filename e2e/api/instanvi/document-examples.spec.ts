/**
 * Replays the example requests of contracts/instanvi-payment-links.md over real HTTP, with the
 * demo API key, and checks each answer has the documented status and the documented keys with
 * the documented types. The document's dates (2025-12-31) are in the past now, so the examples
 * are sent with the same date one year after today.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import type { z } from "zod";
import { demoAccounts } from "@/prisma/demo-accounts";
import {
  cancelledPaymentLinkData,
  createdPaymentLinkData,
  envelopeOf,
  errorEnvelopeSchema,
  paymentLinkDetailData,
  paymentLinkListData,
  publicPaymentLinkData,
  redeemedPaymentLinkData,
  updatedPaymentLinkData,
} from "@/lib/contracts/instanvi/schemas";

const apiKey = demoAccounts().demo.apiKey;
const nextYear = `${new Date().getUTCFullYear() + 1}-12-31T23:59:59Z`;

async function expectDocumented<T extends z.ZodType>(response: APIResponse, status: number, message: string, data: T) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  for (const header of ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]) {
    expect(response.headers()[header], header).toMatch(/^\d+$/);
  }
  const body = await response.json();
  const parsed = envelopeOf(data).safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(body).toMatchObject({ status_code: status, status: "OK", message });
  return (parsed.data as { data: z.output<T> }).data;
}

test("the documented integration flow works as written", async ({ request }) => {
  // 1. Create Payment Link (the document's request body)
  const created = await expectDocumented(
    await request.post("/api/payment-links/create", {
      headers: { "x-api-key": apiKey },
      data: {
        amount: 10000,
        currency: "XAF",
        description: "Payment for invoice #123",
        expires_at: nextYear,
        provider: "MTN_CAM",
        type: "COLLECTION",
        max_uses: 1,
        metadata: { invoice_id: "123", customer_email: "customer@example.com" },
      },
    }),
    200,
    "Payment link created successfully",
    createdPaymentLinkData,
  );
  expect(created).toMatchObject({ amount: 10000, currency: "XAF", status: "ACTIVE", max_uses: 1, current_uses: 0 });
  expect(created.expires_at).toBe(nextYear.replace("Z", ".000Z"));
  expect(created.url).toMatch(new RegExp(`/pay/${created.slug}$`));

  // 2. Get Payment Link by Slug (public)
  const bySlug = await expectDocumented(await request.get(`/api/payment-links/${created.slug}`), 200, "Payment link found", publicPaymentLinkData);
  expect(bySlug.metadata).toEqual({ invoice_id: "123", customer_email: "customer@example.com" });

  // 4. List Payment Links: GET /payment-links?status=ACTIVE&page=1&limit=20
  const list = await expectDocumented(
    await request.get("/api/payment-links?status=ACTIVE&page=1&limit=20", { headers: { "x-api-key": apiKey } }),
    200,
    "Payment links retrieved",
    paymentLinkListData,
  );
  expect(list.pagination).toMatchObject({ page: 1, limit: 20 });
  expect(list.items.every((item) => item.status === "ACTIVE")).toBe(true);

  // 5. Get Payment Link by ID
  const byId = await expectDocumented(
    await request.get(`/api/payment-links/id/${created.id}`, { headers: { "x-api-key": apiKey } }),
    200,
    "Payment link retrieved",
    paymentLinkDetailData,
  );
  expect(byId.id).toBe(created.id);

  // 6. Update Payment Link (the document's request body)
  const updated = await expectDocumented(
    await request.patch(`/api/payment-links/${created.id}`, {
      headers: { "x-api-key": apiKey },
      data: { description: "Updated description", expires_at: nextYear, status: "ACTIVE", max_uses: 5, metadata: { new_field: "value" } },
    }),
    200,
    "Payment link updated successfully",
    updatedPaymentLinkData,
  );
  expect(updated).toEqual({ id: created.id, slug: created.slug });

  // 3. Redeem Payment Link (the document's request body)
  const redeemed = await expectDocumented(
    await request.post(`/api/payment-links/${created.slug}/redeem`, { data: { phone_number: 671381152, provider: "MTN_CAM" } }),
    200,
    "Payment link redeemed successfully",
    redeemedPaymentLinkData,
  );
  expect(redeemed.payment_link).toMatchObject({ id: created.id, slug: created.slug, current_uses: 1 });
  expect(redeemed.payment).toMatchObject({ amount: 10000, currency: "XAF", status: "PENDING" });

  // 7. Cancel Payment Link
  const cancelled = await expectDocumented(
    await request.post(`/api/payment-links/${created.id}/cancel`, { headers: { "x-api-key": apiKey } }),
    200,
    "Payment link cancelled successfully",
    cancelledPaymentLinkData,
  );
  expect(cancelled).toEqual({ id: created.id, slug: created.slug, status: "CANCELLED" });
});

test("the documented errors come in the documented envelope", async ({ request }) => {
  const cases: [Promise<APIResponse>, number, string, string][] = [
    [request.get("/api/payment-links/pay_doesnotexist"), 404, "NOT FOUND", "Payment link not found"],
    [
      request.post("/api/payment-links/create", { headers: { "x-api-key": apiKey }, data: { amount: 100, expires_at: "not a date" } }),
      400,
      "BAD REQUEST",
      "Invalid expiration date format",
    ],
    [request.get("/api/payment-links"), 401, "UNAUTHORIZED", "Missing x-api-key header"],
    [request.post("/api/payment-links/pay_doesnotexist/redeem", { data: { phone_number: 671381152, provider: "MTN_CAM" } }), 404, "NOT FOUND", "Payment link not found"],
    [request.get("/api/no-such-route"), 404, "NOT FOUND", "Route not found: GET /api/no-such-route"],
  ];
  for (const [pending, status, statusText, message] of cases) {
    const response = await pending;
    expect(response.status(), message).toBe(status);
    const body = await response.json();
    expect(errorEnvelopeSchema.safeParse(body).success).toBe(true);
    expect(body).toEqual({ status_code: status, status: statusText, message, data: {} });
  }
});

test("a method the contract does not serve is a 405 in the envelope", async ({ request }) => {
  const response = await request.delete("/api/payment-links/create", { headers: { "x-api-key": apiKey } });
  expect(response.status()).toBe(405);
  expect(response.headers()["allow"]).toBe("POST, GET, PATCH");
  expect(await response.json()).toEqual({
    status_code: 405,
    status: "METHOD NOT ALLOWED",
    message: "Method DELETE is not allowed here; use POST or GET or PATCH",
    data: {},
  });
});

test("the OpenAPI document and the docs page are served", async ({ request, page }) => {
  const document = await (await request.get("/api/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/payment-links/create");

  await page.goto("/docs");
  await expect(page.getByRole("heading", { level: 1, name: "API documentation" })).toBeVisible();
  await expect(page.getByText("/api/payment-links/{slug}/redeem").first()).toBeVisible();
});
