import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { testIp } from "@/lib/testing/http";
import { withMockProviders } from "@/lib/testing/mock-providers";
import { POST } from "@/app/pay/[slug]/start/route";
import { GET as shortRoute } from "@/app/p/[code]/route";
import { GET as paylinkRoute } from "@/app/paylink/route";
import { submitPayForm, type PayFormFields } from "./pay-form";

withMockProviders();
let scope: { merchantId: string; actor: string };

beforeAll(async () => {
  scope = await createMerchant("Form test");
});

const submit = (overrides: Partial<PayFormFields> & { slug: string }) =>
  submitPayForm({
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
      // Two numbers: a second submit from one number would lead back to its pending payment.
      await submit({ slug: link.slug, clientIp: ip, phone: "671234567" });
      await submit({ slug: link.slug, clientIp: ip, phone: "671234568" });
      expect(await submit({ slug: link.slug, clientIp: ip, phone: "671234569" })).toContain("error=rate");
      expect(await getDb().payment.count({ where: { linkId: link.id } })).toBe(2);
    } finally {
      delete process.env.RATE_LIMIT_PER_IP;
    }
  });

  describe("over HTTP", () => {
    const post = (slug: string, body: string, contentType: string) =>
      POST(
        new Request(`http://paylinks.test/pay/${slug}/start`, {
          method: "POST",
          headers: { "content-type": contentType, "x-forwarded-for": testIp() },
          body,
        }),
      );

    it("answers a real form with a 303 to the payment", async () => {
      const link = await createTestLink(scope);
      const response = await post(link.slug, "provider=MTN_CAM&phone=671234567&lang=en&attempt=a1", "application/x-www-form-urlencoded");
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toMatch(new RegExp(`^/pay/${link.slug}\\?lang=en&payment=[0-9a-f-]{36}$`));
    });

    it.each([
      ["JSON", '{"provider":"MTN_CAM","phone":"671234567"}', "application/json", /Content-Type must be application\/x-www-form-urlencoded/],
      ["garbage with a form content type", "provider=%%%&phone=67", "application/x-www-form-urlencoded", /malformed percent-encoding/],
      ["an empty body", "", "application/x-www-form-urlencoded", /Request body is required/],
    ])("refuses %s with a 400 that says why, starting nothing", async (_name, body, contentType, message) => {
      const link = await createTestLink(scope);
      const response = await post(link.slug, body, contentType);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(message);
      expect(await getDb().payment.count({ where: { linkId: link.id } })).toBe(0);
    });

    it("answers a malformed slug with a 404, not a crash", async () => {
      const response = await post("%zz", "provider=MTN_CAM", "application/x-www-form-urlencoded");
      expect(response.status).toBe(404);
    });
  });
});

describe("the short entry points", () => {
  it("lead /p/<code> to the pay page keeping the query, and answer 404 for malformed or unknown codes", async () => {
    const link = await createTestLink(scope);
    const ok = await shortRoute(new Request(`http://paylinks.test/p/${link.shortCode}?lang=en`));
    expect(ok.status).toBe(307);
    expect(ok.headers.get("location")).toBe(`/pay/${link.slug}?lang=en`);
    for (const code of ["%zz", "abc%00", "nope"]) {
      expect((await shortRoute(new Request(`http://paylinks.test/p/${code}`))).status).toBe(404);
    }
  });

  it("lead /paylink?id= to the pay page, and answer 404 for anything else", async () => {
    const link = await createTestLink(scope);
    const ok = await paylinkRoute(new Request(`http://paylinks.test/paylink?id=${link.id}`));
    expect(ok.headers.get("location")).toBe(`/pay/${link.slug}`);
    for (const id of ["%00", "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await paylinkRoute(new Request(`http://paylinks.test/paylink?id=${id}`))).status).toBe(404);
    }
  });
});
