/** Test data through the product's own API (Instanvi contract) with the seeded demo key. */
import { expect, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { demoAccounts } from "@/prisma/seed";

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

/** The short code is not part of any API answer (the dashboard shows it): read it from the database. */
export async function shortCodeOf(linkId: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ short_code: string }>("SELECT short_code FROM payment_links WHERE id = $1", [linkId]);
    return result.rows[0]!.short_code;
  } finally {
    await client.end();
  }
}
