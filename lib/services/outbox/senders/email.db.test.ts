/**
 * The email sender against a real SMTP server (smtp-server, started here on a free port), with
 * messages written by the real publish path: a link created through createLink with delivery by
 * email, a payment settled through settlePayment. What arrives is parsed (headers, both parts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import { formatMoney } from "@/lib/money";
import { createLink } from "@/lib/services/links/create-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant } from "@/lib/testing/factories";
import { parseEmail, startSmtp } from "@/lib/testing/smtp";
import { closeEmailTransport, DEFAULT_SMTP_FROM, emailSender } from "./email";

const APP_URL = "https://pay.example.cm";
const saved = { APP_URL: process.env.APP_URL, SMTP_URL: process.env.SMTP_URL, SMTP_FROM: process.env.SMTP_FROM };

function restore(name: keyof typeof saved) {
  if (saved[name] === undefined) delete process.env[name];
  else process.env[name] = saved[name];
}

beforeAll(() => {
  process.env.APP_URL = `${APP_URL}/`;
});

afterAll(() => {
  closeEmailTransport();
  for (const name of Object.keys(saved) as (keyof typeof saved)[]) restore(name);
});

async function outboxOf(scope: MerchantScope, kind: string): Promise<OutboxMessage[]> {
  return getDb().outboxMessage.findMany({ where: { merchantId: scope.merchantId, kind }, orderBy: { createdAt: "asc" } });
}

describe("emailSender over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeEach(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = `smtp://paylinks:${encodeURIComponent("s3cret:pass")}@127.0.0.1:${smtp.port}`;
    process.env.SMTP_FROM = "Boutique via Paylinks <paiements@paylinks.test>";
  });

  afterEach(async () => {
    closeEmailTransport();
    await smtp.close();
    restore("SMTP_URL");
    restore("SMTP_FROM");
  });

  it("delivers a French link's email made by createLink: recipient, subject, text and HTML parts, amount for fr-CM", async () => {
    const scope = await createMerchant("Boutique Akwa");
    const link = await createLink(scope, {
      amountMinor: 1050,
      currency: "EUR",
      description: `Mangues & "ananas" <frais>`,
      language: "fr",
      customerEmail: "awa@client.test",
      deliveryMethod: 1,
    });
    const [message, ...others] = await outboxOf(scope, "email.link");
    expect(others).toEqual([]);
    expect(message).toMatchObject({ channel: "EMAIL", destination: "awa@client.test", status: "PENDING" });

    const result = await emailSender([message!]);
    expect(result).toMatchObject({ ok: true, request: { to: "awa@client.test" } });
    expect(result.ok && result.response).toMatch(/^250 .*queued as TEST1.*message id <.+>/);

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.user).toBe("paylinks");
    expect(mail!.from).toBe("paiements@paylinks.test");
    expect(mail!.to).toEqual(["awa@client.test"]);
    const email = parseEmail(mail!.raw);
    const amount = formatMoney(1050, "EUR", "fr-CM");
    expect(amount).toMatch(/^10,50\s€$/);
    expect(email.headers.get("from")).toBe("Boutique via Paylinks <paiements@paylinks.test>");
    expect(email.headers.get("to")).toBe("awa@client.test");
    expect(email.headers.get("content-language")).toBe("fr");
    expect(email.subject).toBe(`Boutique Akwa vous demande un paiement de ${amount}`);
    const url = `${APP_URL}/p/${link.shortCode}`;
    expect(email.text).toContain(`Boutique Akwa vous demande un paiement de ${amount}.`);
    expect(email.text).toContain(`Objet : Mangues & "ananas" <frais>`);
    expect(email.text).toContain(`Payer maintenant : ${url}`);
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain(`href="${url}"`);
    expect(email.html).toContain(amount);
    expect(email.html).toContain("Mangues &amp; &quot;ananas&quot; &lt;frais&gt;");
    expect(email.html).not.toContain("<frais>");
  });

  it("delivers an English link's email in English, with the amount for en-CM", async () => {
    const scope = await createMerchant("Mboa Bakery");
    const link = await createLink(scope, { amountMinor: 250000, currency: "XAF", description: "Wedding cake", language: "en", customerEmail: "john@client.test", customerPhone: "670000001", deliveryMethod: 3 });
    const [message] = await outboxOf(scope, "email.link");
    expect(await emailSender([message!])).toMatchObject({ ok: true });
    const email = parseEmail(smtp.received[0]!.raw);
    const amount = formatMoney(250000, "XAF", "en-CM");
    expect(amount).toMatch(/^FCFA\s250,000$/);
    expect(email.subject).toBe(`Mboa Bakery requests a payment of ${amount}`);
    expect(email.text).toContain(`Pay now: ${APP_URL}/p/${link.shortCode}`);
    expect(email.text).toContain("Test link: no real money will be taken.");
    expect(email.html).toContain('<html lang="en">');
    expect(email.headers.get("content-language")).toBe("en");
  });

  it("delivers the payer's receipt and the merchant's payment email when a payment succeeds", async () => {
    const scope = await createMerchant("Boutique Akwa");
    await getDb().merchant.update({ where: { id: scope.merchantId }, data: { notifyPayments: true, notificationEmail: "caisse@akwa.test" } });
    const link = await createLink(scope, { amountMinor: 7500, currency: "XAF", description: "Robe pagne", customerEmail: "awa@client.test", merchantReference: "CMD-42" });
    const { payment } = await redeemLink({ slug: link.slug, provider: "ORANGE_CAM", phoneNumber: "691234567" });
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:test" });

    const [receipt] = await outboxOf(scope, "email.receipt");
    const [notice] = await outboxOf(scope, "email.merchant_payment");
    expect(await emailSender([receipt!])).toMatchObject({ ok: true });
    expect(await emailSender([notice!])).toMatchObject({ ok: true });
    expect(smtp.received.map((m) => m.to)).toEqual([["awa@client.test"], ["caisse@akwa.test"]]);

    const amount = formatMoney(7500, "XAF", "fr-CM");
    const toPayer = parseEmail(smtp.received[0]!.raw);
    expect(toPayer.subject).toBe(`Reçu : paiement de ${amount} à Boutique Akwa`);
    for (const part of [toPayer.text, toPayer.html]) {
      expect(part).toContain(amount);
      expect(part).toContain(payment.transactionId);
      expect(part).toContain("Orange Money");
      expect(part).toContain("CMD-42");
      expect(part).not.toContain("691234567");
    }
    const toMerchant = parseEmail(smtp.received[1]!.raw);
    expect(toMerchant.subject).toBe(`Paiement reçu : ${amount} pour Robe pagne`);
    expect(toMerchant.text).toContain("Téléphone : +237691234567");
    expect(toMerchant.text).toContain(`${APP_URL}/dashboard/links/${link.id}`);
    expect(toMerchant.html).toContain(`href="${APP_URL}/dashboard/links/${link.id}"`);
  });

  it("sends from SMTP_FROM's default when it is not set", async () => {
    delete process.env.SMTP_FROM;
    const scope = await createMerchant();
    await createLink(scope, { amountMinor: 100, customerEmail: "a@client.test", deliveryMethod: 1 });
    const [message] = await outboxOf(scope, "email.link");
    expect(await emailSender([message!])).toMatchObject({ ok: true });
    expect(smtp.received[0]!.from).toBe("no-reply@paylinks.local");
    expect(parseEmail(smtp.received[0]!.raw).headers.get("from")).toBe(DEFAULT_SMTP_FROM);
  });
});

describe("emailSender failures and configuration", () => {
  afterEach(() => {
    closeEmailTransport();
    restore("SMTP_URL");
  });

  async function linkEmail(): Promise<OutboxMessage> {
    const scope = await createMerchant();
    await createLink(scope, { amountMinor: 100, customerEmail: "nobody@client.test", deliveryMethod: 1 });
    return (await outboxOf(scope, "email.link"))[0]!;
  }

  it("keeps the message when SMTP_URL is not set", async () => {
    delete process.env.SMTP_URL;
    expect(await emailSender([await linkEmail()])).toEqual({ ok: true, kept: true, response: "kept: SMTP_URL is not set" });
  });

  it("asks for a retry when the server cannot be reached, or answers 4xx; a 5xx refusal of the recipient is final", async () => {
    const message = await linkEmail();
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      },
    });
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      const refused = await emailSender([message]);
      expect(refused).toMatchObject({ ok: false, retry: false });
      expect(!refused.ok && refused.error).toMatch(/EENVELOPE.*550|550.*Mailbox unavailable/s);
    } finally {
      await smtp.close();
    }

    const busy = await startSmtp({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
      },
    });
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${busy.port}`;
      expect(await emailSender([message])).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/Try again later/) });
    } finally {
      await busy.close();
    }

    // The server is gone: nothing listens on that port any more.
    expect(await emailSender([message])).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/ECONNECTION|ECONNREFUSED/) });
  });

  it("retries when the login is refused", async () => {
    const message = await linkEmail();
    const smtp = await startSmtp();
    try {
      process.env.SMTP_URL = `smtp://paylinks:wrong@127.0.0.1:${smtp.port}`;
      expect(await emailSender([message])).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/EAUTH/) });
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it("speaks TLS from the start with smtps://", async () => {
    const message = await linkEmail();
    // smtp-server's built-in self-signed certificate: the URL tells nodemailer to accept it.
    const smtp = await startSmtp({ secure: true, disabledCommands: [] });
    try {
      process.env.SMTP_URL = `smtps://127.0.0.1:${smtp.port}?tls.rejectUnauthorized=false`;
      expect(await emailSender([message])).toMatchObject({ ok: true });
      expect(smtp.received[0]!.to).toEqual(["nobody@client.test"]);
    } finally {
      await smtp.close();
    }
  });

  it("refuses for good a message without an email payload", async () => {
    const message = await linkEmail();
    expect(await emailSender([{ ...message, payload: { to: "x@client.test" } }])).toMatchObject({ ok: false, retry: false });
  });
});
