import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createMerchant } from "@/lib/testing/factories";
import { getSettings } from "./get-settings";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { updateSettings } from "./update-settings";
import { rejection } from "@/lib/testing/rejection";

const DEFAULTS = {
  businessName: "Test merchant",
  defaultCurrency: "XAF",
  defaultLanguage: "fr",
  callbackUrl: null,
  webhookUrl: null,
  webhookSecret: "whsec_test",
};

describe("getSettings", () => {
  it("reads the merchant's settings", async () => {
    expect(await getSettings(await createMerchant())).toEqual(DEFAULTS);
  });

  it("is NOT_FOUND for a merchant that does not exist", async () => {
    const error = await rejection(getSettings({ merchantId: "00000000-0000-4000-8000-000000000000" }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("updateSettings", () => {
  it("normalises and stores the fields given, leaves the others, and clears URLs given as empty or null", async () => {
    const scope = await createMerchant();
    const neighbour = await createMerchant();
    const updated = await updateSettings(scope, {
      businessName: "  Boutique Akwa ",
      defaultCurrency: " eur ",
      defaultLanguage: "EN",
      callbackUrl: " https://shop.example.cm/callback ",
      webhookUrl: "http://shop.example.cm:8080/hooks?x=1",
    });
    expect(updated).toEqual({
      businessName: "Boutique Akwa",
      defaultCurrency: "EUR",
      defaultLanguage: "en",
      callbackUrl: "https://shop.example.cm/callback",
      webhookUrl: "http://shop.example.cm:8080/hooks?x=1",
      webhookSecret: "whsec_test",
    });
    expect(await getSettings(scope)).toEqual(updated);

    expect(await updateSettings(scope, { callbackUrl: "", webhookUrl: null })).toEqual({ ...updated, callbackUrl: null, webhookUrl: null });
    expect(await updateSettings(scope, { webhookUrl: "   " })).toMatchObject({ webhookUrl: null, businessName: "Boutique Akwa" });
    expect(await getSettings(neighbour)).toEqual(DEFAULTS);
  });

  it("refuses bad values with the field named and changes nothing", async () => {
    const scope = await createMerchant();
    const cases: [Parameters<typeof updateSettings>[1], string][] = [
      [{ businessName: "A" }, "business_name"],
      [{ businessName: "x".repeat(101) }, "business_name"],
      [{ defaultCurrency: "ABC" }, "default_currency"],
      [{ defaultCurrency: "XAU" }, "default_currency"],
      [{ defaultLanguage: "de" }, "default_language"],
      [{ callbackUrl: "ftp://shop.example.cm/x" }, "callback_url"],
      [{ webhookUrl: "javascript:alert(1)" }, "webhook_url"],
      [{ webhookUrl: "shop.example.cm/hook" }, "webhook_url"],
      [{ webhookUrl: `https://shop.example.cm/${"a".repeat(2000)}` }, "webhook_url"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(updateSettings(scope, { businessName: "Valid name", ...input }));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.field).toBe(field);
    }
    const tooLong = await rejection(updateSettings(scope, { webhookUrl: `https://shop.example.cm/${"a".repeat(2000)}` }));
    expect(tooLong.message).toBe("Webhook URL must be at most 2000 characters");
    expect(await getSettings(scope)).toEqual(DEFAULTS);
  });
});

describe("rotateWebhookSecret", () => {
  it("replaces the secret with a fresh whsec_ key and returns it", async () => {
    const scope = await createMerchant();
    const neighbour = await createMerchant();
    const first = await rotateWebhookSecret(scope);
    const second = await rotateWebhookSecret(scope);
    expect(first).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(second).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(second).not.toBe(first);
    expect((await getSettings(scope)).webhookSecret).toBe(second);
    expect((await getDb().merchant.findUniqueOrThrow({ where: { id: neighbour.merchantId } })).webhookSecret).toBe("whsec_test");
  });
});
