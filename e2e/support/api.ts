/** Test data through the product's own API (Instanvi contract) with the seeded demo key. */
import { expect, type APIRequestContext } from "@playwright/test";
import { demoAccounts } from "@/prisma/demo-accounts";

export const DEMO_API_KEY = demoAccounts().demo.apiKey;

export interface CreatedLink {
  id: string;
  slug: string;
  url: string;
}

export async function createLink(request: APIRequestContext, body: Record<string, unknown> = {}): Promise<CreatedLink> {
  const response = await request.post("/api/payment-links/create", {
    headers: { "x-api-key": DEMO_API_KEY },
    data: { amount: 5000, description: "Panier de mangues", ...body },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).data;
}

export async function redeem(request: APIRequestContext, slug: string, phone: string, provider = "MTN_CAM") {
  const response = await request.post(`/api/payment-links/${slug}/redeem`, { data: { phone_number: phone, provider } });
  expect(response.status()).toBe(200);
  return (await response.json()).data;
}
