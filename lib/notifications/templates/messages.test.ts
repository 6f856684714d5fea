import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money";
import { escapeHtml, html } from "./html";
import {
  maskPhone,
  oneLine,
  renderLinkEmail,
  renderLinkSms,
  renderMerchantPaymentEmail,
  renderReceiptEmail,
  type LinkMessageInput,
  type PaymentMessageInput,
} from "./messages";

const LINK: LinkMessageInput = {
  language: "fr",
  merchantName: "Boutique Akwa",
  amountMinor: 5000,
  currency: "XAF",
  description: "Panier de mangues",
  url: "https://pay.example.cm/p/abc123",
  expiresAt: new Date("2030-06-15T12:00:00Z"),
  sandbox: false,
};

const PAYMENT: PaymentMessageInput = {
  language: "fr",
  merchantName: "Boutique Akwa",
  amountMinor: 1050,
  currency: "EUR",
  description: "Facture 12",
  reference: "INV-12",
  transactionId: "TX-2030-0001",
  provider: "MTN_CAM",
  payerPhone: "237671234567",
  paidAt: new Date("2030-06-15T12:00:00Z"),
  sandbox: false,
};

describe("html", () => {
  it("escapes every interpolated value, but not fragments it built itself", () => {
    const hostile = `<script>alert("x")</script> & 'quotes'`;
    const fragment = html`<b>${hostile}</b>`;
    expect(fragment.value).toBe("<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</b>");
    expect(html`<p>${fragment}${[hostile, 1]}${null}${false}</p>`.value).toBe(`<p>${fragment.value}${escapeHtml(hostile)}1</p>`);
  });
});

describe("renderLinkEmail", () => {
  it("writes French for a French link: subject, text and HTML with the amount formatted for fr-CM and the URL", () => {
    const email = renderLinkEmail(LINK);
    const amount = formatMoney(5000, "XAF", "fr-CM");
    expect(amount).toMatch(/^5\s000\sFCFA$/);
    expect(email.subject).toBe(`Boutique Akwa vous demande un paiement de ${amount}`);
    expect(email.text).toContain(`Boutique Akwa vous demande un paiement de ${amount}.`);
    expect(email.text).toContain("Objet : Panier de mangues");
    expect(email.text).toContain("Payer maintenant : https://pay.example.cm/p/abc123");
    expect(email.text).toContain("Ce lien expire le 15 juin 2030");
    expect(email.text).not.toContain("<");
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain('href="https://pay.example.cm/p/abc123"');
    expect(email.html).toContain(amount);
    expect(email.html).not.toContain("test");
  });

  it("writes English for an English link, with the amount formatted for en-CM, and says when it is a test link", () => {
    const email = renderLinkEmail({ ...LINK, language: "en", amountMinor: 123456, currency: "EUR", sandbox: true, expiresAt: null });
    const amount = formatMoney(123456, "EUR", "en-CM");
    expect(amount).toBe("€1,234.56");
    expect(email.subject).toBe(`Boutique Akwa requests a payment of ${amount}`);
    expect(email.text).toContain("Pay now: https://pay.example.cm/p/abc123");
    expect(email.text).toContain("Test link: no real money will be taken.");
    expect(email.text).not.toContain("expires");
    expect(email.html).toContain('<html lang="en">');
  });

  it("escapes the merchant's name and the description in the HTML, and keeps the subject on one line", () => {
    const email = renderLinkEmail({ ...LINK, merchantName: "Chez <Lou>\r\nBcc: x@evil.test", description: `<img src=x onerror="alert(1)">` });
    expect(email.subject).toBe(`Chez <Lou> Bcc: x@evil.test vous demande un paiement de ${formatMoney(5000, "XAF", "fr-CM")}`);
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<Lou>");
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(email.html).toContain("Chez &lt;Lou&gt;");
    expect(email.text).toContain(`Objet : <img src=x onerror="alert(1)">`);
  });
});

describe("renderLinkSms", () => {
  it("is short, with plain spaces in the amount (GSM-7), the description cut and the URL whole", () => {
    const sms = renderLinkSms({ ...LINK, description: "x".repeat(80) });
    expect(sms).toBe(`Boutique Akwa : paiement de 5 000 FCFA (${"x".repeat(39)}...). Payez ici : https://pay.example.cm/p/abc123`);
    expect(renderLinkSms({ ...LINK, language: "en", description: null, sandbox: true })).toBe(
      "[TEST] Boutique Akwa: payment request of FCFA 5,000. Pay here: https://pay.example.cm/p/abc123",
    );
  });
});

describe("renderReceiptEmail and renderMerchantPaymentEmail", () => {
  it("gives the payer a receipt with the payment's amount, transaction, operator and a masked phone", () => {
    const receipt = renderReceiptEmail(PAYMENT);
    const amount = formatMoney(1050, "EUR", "fr-CM");
    expect(receipt.subject).toBe(`Reçu : paiement de ${amount} à Boutique Akwa`);
    expect(receipt.text).toContain(`Montant : ${amount}`);
    expect(receipt.text).toContain("Référence de transaction : TX-2030-0001");
    expect(receipt.text).toContain("Opérateur : MTN Mobile Money");
    expect(receipt.text).toContain("Référence : INV-12");
    expect(receipt.text).toContain(`Téléphone : ${maskPhone("237671234567")}`);
    expect(receipt.text).not.toContain("671234567");
    expect(receipt.html).toContain("TX-2030-0001");
    expect(receipt.html).not.toContain("671234567");
  });

  it("tells the merchant in English about an English link's payment, with the payer's number and the dashboard link", () => {
    const email = renderMerchantPaymentEmail({ ...PAYMENT, language: "en", provider: "ORANGE_CAM", dashboardUrl: "https://pay.example.cm/dashboard/links/1" });
    expect(email.subject).toBe(`Payment received: ${formatMoney(1050, "EUR", "en-CM")} for Facture 12`);
    expect(email.text).toContain("Phone: +237671234567");
    expect(email.text).toContain("Operator: Orange Money");
    expect(email.text).toContain("See the link in the dashboard: https://pay.example.cm/dashboard/links/1");
    expect(email.html).toContain('href="https://pay.example.cm/dashboard/links/1"');
  });
});

describe("helpers", () => {
  it("oneLine flattens and cuts; maskPhone keeps the country code and the last 3 digits", () => {
    expect(oneLine(" a\n\tb  c ", 10)).toBe("a b c");
    expect(oneLine("abcdefghijkl", 5)).toBe("abcd…");
    expect(maskPhone("237671234567")).toBe("+237 ••••••567");
  });
});
