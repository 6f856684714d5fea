import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { CreateLinkInput } from "@/lib/domain/links/schemas";
import type { MerchantScope } from "@/lib/domain/links/types";
import { formatMoney } from "@/lib/money";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { createLink } from "@/lib/services/links/create-link";
import { createLinkInTx } from "@/lib/services/links/create-link-in-tx";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { messageLanguage, resendLinkMessages, smsDestination } from "./person-messages";

const savedAppUrl = process.env.APP_URL;

beforeEach(() => {
  process.env.APP_URL = "https://pay.example.cm";
});

afterEach(() => {
  if (savedAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = savedAppUrl;
});

/** The merchant's person messages (EMAIL, SMS) as [kind, destination], oldest first. */
async function messages(scope: MerchantScope) {
  const rows = await getDb().outboxMessage.findMany({
    where: { merchantId: scope.merchantId, channel: { in: ["EMAIL", "SMS"] } },
    orderBy: [{ createdAt: "asc" }, { kind: "asc" }],
  });
  return rows;
}

async function kinds(scope: MerchantScope) {
  return (await messages(scope)).map((m) => [m.kind, m.destination]);
}

const CONTACT = { customerEmail: "awa@client.test", customerPhone: "6 70 00 00 01" };

function link(scope: MerchantScope, input: Partial<CreateLinkInput> = {}) {
  return createLink(scope, { amountMinor: 5000, description: "Panier de mangues", ...input });
}

async function paySuccessfully(slug: string) {
  const { payment } = await redeemLink({ slug, provider: "MTN_CAM", phoneNumber: "671000001" });
  await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:test" });
  return payment;
}

describe("link.created", () => {
  it("writes the link by email, SMS or both following the delivery method, only where there is an address", async () => {
    const cases: [Partial<CreateLinkInput>, string[][]][] = [
      [{ ...CONTACT, deliveryMethod: 0 }, []],
      [{ ...CONTACT }, []],
      [{ ...CONTACT, deliveryMethod: 1 }, [["email.link", "awa@client.test"]]],
      [{ ...CONTACT, deliveryMethod: 2 }, [["sms.link", "+237670000001"]]],
      [{ ...CONTACT, deliveryMethod: 3 }, [["email.link", "awa@client.test"], ["sms.link", "+237670000001"]]],
      [{ customerEmail: "awa@client.test", deliveryMethod: 3 }, [["email.link", "awa@client.test"]]],
      [{ customerPhone: "+237 699 00 00 02", deliveryMethod: 3 }, [["sms.link", "+237699000002"]]],
      [{ deliveryMethod: 1 }, []],
      [{ customerEmail: "awa@client.test", deliveryMethod: 2 }, []],
    ];
    for (const [input, expected] of cases) {
      const scope = await createMerchant();
      await link(scope, input);
      expect(await kinds(scope), JSON.stringify(input)).toEqual(expected);
    }
  });

  it("holds the rendered message: {to, subject, text, html, language} for email, {to, text} for SMS, with the short URL from APP_URL", async () => {
    const scope = await createMerchant("Boutique Akwa");
    const created = await link(scope, { ...CONTACT, deliveryMethod: 3, amountMinor: 1050, currency: "EUR", language: "en" });
    const [email, sms] = await messages(scope);
    const event = await getDb().event.findFirstOrThrow({ where: { linkId: created.id, type: "link.created" } });
    const url = `https://pay.example.cm/p/${created.shortCode}`;
    expect(email).toMatchObject({ channel: "EMAIL", status: "PENDING", eventId: event.id, attempts: 0 });
    expect(Object.keys(email!.payload as object).sort()).toEqual(["html", "language", "subject", "text", "to"]);
    expect(email!.payload).toMatchObject({
      to: "awa@client.test",
      language: "en",
      subject: `Boutique Akwa requests a payment of ${formatMoney(1050, "EUR", "en-CM")}`,
      text: expect.stringContaining(`Pay now: ${url}`),
      html: expect.stringContaining(`href="${url}"`),
    });
    expect(sms).toMatchObject({ channel: "SMS", eventId: event.id, destination: "+237670000001" });
    expect(sms!.payload).toEqual({ to: "+237670000001", text: `[TEST] Boutique Akwa: payment request of €10.50 (Panier de mangues). Pay here: ${url}` });
  });

  it("follows the link's language, else the merchant's default language", async () => {
    const scope = await createMerchant();
    await getDb().merchant.update({ where: { id: scope.merchantId }, data: { defaultLanguage: "en" } });
    await link(scope, { customerEmail: "a@client.test", deliveryMethod: 1 });
    await link(scope, { customerEmail: "b@client.test", deliveryMethod: 1, language: "fr" });
    expect((await messages(scope)).map((m) => (m.payload as { language: string }).language)).toEqual(["en", "fr"]);
    expect(messageLanguage({ language: "de" }, { defaultLanguage: "xx" })).toBe("fr");
  });

  it("falls back to http://localhost:3000 without APP_URL", async () => {
    delete process.env.APP_URL;
    const scope = await createMerchant();
    const created = await link(scope, { customerPhone: "670000001", deliveryMethod: 2 });
    expect(((await messages(scope))[0]!.payload as { text: string }).text).toContain(`http://localhost:3000/p/${created.shortCode}`);
  });

  it("writes nothing when the change is rolled back", async () => {
    const scope = await createMerchant();
    await expect(
      getDb().$transaction(async (tx) => {
        await createLinkInTx(tx, scope, { amountMinor: 5000, ...CONTACT, deliveryMethod: 3 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await messages(scope)).toEqual([]);
  });
});

describe("payment.succeeded", () => {
  it("sends the receipt to the link's customer email, whatever the delivery method", async () => {
    const scope = await createMerchant();
    const created = await link(scope, { customerEmail: "awa@client.test", deliveryMethod: 0 });
    const payment = await paySuccessfully(created.slug);
    const [receipt, ...others] = await messages(scope);
    expect(others).toEqual([]);
    const event = await getDb().event.findFirstOrThrow({ where: { paymentId: payment.id, type: "payment.succeeded" } });
    expect(receipt).toMatchObject({ kind: "email.receipt", destination: "awa@client.test", eventId: event.id });
    expect((receipt!.payload as { text: string }).text).toContain(payment.transactionId);
  });

  it("also emails the merchant when they asked for it and have an address; not otherwise", async () => {
    const scope = await createMerchant();
    await getDb().merchant.update({ where: { id: scope.merchantId }, data: { notifyPayments: true, notificationEmail: "caisse@shop.test" } });
    await paySuccessfully((await link(scope, { customerEmail: "awa@client.test" })).slug);
    await paySuccessfully((await link(scope)).slug);
    expect((await kinds(scope)).sort()).toEqual([
      ["email.merchant_payment", "caisse@shop.test"],
      ["email.merchant_payment", "caisse@shop.test"],
      ["email.receipt", "awa@client.test"],
    ]);

    const quiet = await createMerchant();
    await getDb().merchant.update({ where: { id: quiet.merchantId }, data: { notifyPayments: false, notificationEmail: "caisse@shop.test" } });
    await paySuccessfully((await link(quiet)).slug);
    const noAddress = await createMerchant();
    await getDb().merchant.update({ where: { id: noAddress.merchantId }, data: { notifyPayments: true } });
    await paySuccessfully((await link(noAddress)).slug);
    expect(await kinds(quiet)).toEqual([]);
    expect(await kinds(noAddress)).toEqual([]);
  });

  it("writes no receipt for a payment that fails or is only started", async () => {
    const scope = await createMerchant();
    await getDb().merchant.update({ where: { id: scope.merchantId }, data: { notifyPayments: true, notificationEmail: "caisse@shop.test" } });
    const created = await link(scope, { customerEmail: "awa@client.test", maxUses: 2 });
    const { payment } = await redeemLink({ slug: created.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    expect(await messages(scope)).toEqual([]);
    await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "PAYER_REJECTED", actor: "provider:test" });
    expect(await messages(scope)).toEqual([]);
  });
});

describe("resendLinkMessages", () => {
  it("writes the link's email and SMS again, in the caller's transaction", async () => {
    const scope = await createMerchant();
    const created = await link(scope, { ...CONTACT, deliveryMethod: 3 });
    const channels = await getDb().$transaction((tx) => resendLinkMessages(tx, scope, created.id));
    expect(channels).toEqual(["EMAIL", "SMS"]);
    const rows = await messages(scope);
    expect(rows.map((m) => m.kind).sort()).toEqual(["email.link", "email.link", "sms.link", "sms.link"]);
    const resent = rows.filter((m) => m.eventId === null);
    expect(resent).toHaveLength(2);
    const first = rows.find((m) => m.kind === "email.link" && m.eventId !== null)!;
    expect(resent.find((m) => m.kind === "email.link")!.payload).toEqual(first.payload);
  });

  it("writes nothing for a link without a delivery method; refuses another merchant's link and a link that cannot be paid", async () => {
    const scope = await createMerchant();
    const silent = await link(scope, { ...CONTACT });
    expect(await getDb().$transaction((tx) => resendLinkMessages(tx, scope, silent.id))).toEqual([]);

    const other = await createMerchant();
    const foreign = await link(other, { ...CONTACT, deliveryMethod: 1 });
    expect((await rejection(getDb().$transaction((tx) => resendLinkMessages(tx, scope, foreign.id)))).code).toBe("NOT_FOUND");

    const cancelled = await link(scope, { ...CONTACT, deliveryMethod: 1 });
    await cancelLink(scope, cancelled.id);
    const refused = await rejection(getDb().$transaction((tx) => resendLinkMessages(tx, scope, cancelled.id)));
    expect(refused.code).toBe("INVALID_STATE");
    expect(refused.message).toBe("Payment link is CANCELLED: only an active link can be sent again");
    expect((await messages(scope)).filter((m) => m.eventId === null)).toEqual([]);
  });
});

describe("smsDestination", () => {
  it("writes Cameroon numbers in E.164 with the plus, and leaves others as given (without spaces)", () => {
    expect(smsDestination("670000001")).toBe("+237670000001");
    expect(smsDestination("237 670 000 001")).toBe("+237670000001");
    expect(smsDestination("+33 6 12 34 56 78")).toBe("+33612345678");
    expect(smsDestination("12345")).toBe("12345");
  });
});
