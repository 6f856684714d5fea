import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { testIp } from "@/lib/testing/http";
import { withMockProviders } from "@/lib/testing/mock-providers";
import { startPaymentFromPayPage, type PayPageSubmission } from "./start-payment-from-pay-page";

withMockProviders();
let scope: { merchantId: string; actor: string };

beforeAll(async () => {
  scope = await createMerchant("Form test");
});

const submit = (overrides: Partial<PayPageSubmission> & { slug: string }) =>
  startPaymentFromPayPage({
    provider: "MTN_CAM",
    phone: "671234567",
    lang: "en",
    attempt: crypto.randomUUID(),
    clientIp: testIp(),
    baseUrl: "http://127.0.0.1:9",
    ...overrides,
  });

describe("the pay page form", () => {
  it("starts a payment and leads to it", async () => {
    const link = await createTestLink(scope);
    const location = await submit({ slug: link.slug });
    const payment = await getDb().payment.findFirstOrThrow({ where: { linkId: link.id } });
    expect(location).toBe(`/pay/${link.slug}?lang=en&payment=${payment.id}`);
    expect(payment).toMatchObject({ provider: "MTN_CAM", payerPhone: "237671234567", status: "PENDING" });
  });

  it("sends a double submit of the same form to the same payment", async () => {
    const link = await createTestLink(scope, { maxUses: 5 });
    const attempt = crypto.randomUUID();
    const [a, b] = await Promise.all([submit({ slug: link.slug, attempt }), submit({ slug: link.slug, attempt })]);
    expect(a).toBe(b);
    expect(await getDb().payment.count({ where: { linkId: link.id } })).toBe(1);
  });

  it("goes back to the form, keeping what was typed, on a bad number or provider", async () => {
    const link = await createTestLink(scope);
    expect(await submit({ slug: link.slug, phone: "12 34" })).toBe(`/pay/${link.slug}?lang=en&error=phone&phone=12+34&provider=MTN_CAM`);
    expect(await submit({ slug: link.slug, provider: "MPESA", lang: "fr" })).toBe(`/pay/${link.slug}?lang=fr&error=provider&phone=671234567`);
    expect(await getDb().payment.count({ where: { linkId: link.id } })).toBe(0);
  });

  it("says the provider is down, with the use released", async () => {
    const link = await createTestLink(scope);
    const location = await submit({ slug: link.slug, phone: "670000005" });
    expect(location).toBe(`/pay/${link.slug}?lang=en&error=provider_down&phone=670000005&provider=MTN_CAM`);
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).currentUses).toBe(0);
  });

  it("leads back to the page (which shows why) for a link that cannot be paid", async () => {
    const link = await createTestLink(scope);
    await cancelLink(scope, link.id);
    expect(await submit({ slug: link.slug })).toBe(`/pay/${link.slug}?lang=en`);
  });

  it("limits attempts per client", async () => {
    process.env.RATE_LIMIT_PER_IP = "2";
    try {
      const link = await createTestLink(scope, { maxUses: 10 });
      const ip = testIp();
      await submit({ slug: link.slug, clientIp: ip });
      await submit({ slug: link.slug, clientIp: ip });
      expect(await submit({ slug: link.slug, clientIp: ip })).toContain("error=rate");
      expect(await getDb().payment.count({ where: { linkId: link.id } })).toBe(2);
    } finally {
      delete process.env.RATE_LIMIT_PER_IP;
    }
  });
});
