/**
 * The messages sent to people, rendered in full when they are written to the outbox (so that
 * delivery only hands them over, and the dashboard shows exactly what was sent): the payment
 * link by email and SMS, the payer's receipt and the merchant's "payment received" email.
 * Every email has a plain-text part and an HTML part; amounts are formatted for the currency
 * and the language (fr-CM, en-CM), dates in Cameroon's time zone.
 */
import { LOCALE, type Lang } from "@/lib/i18n/pay-page";
import { formatMoney } from "@/lib/money";
import { buttonLink, detailsTable, emailDocument, html } from "./html";
import { NOTIFICATION_WORDS } from "./words";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Money {
  amountMinor: number;
  currency: string;
}

export interface LinkMessageInput extends Money {
  language: Lang;
  merchantName: string;
  description: string | null;
  /** The URL that opens the link's pay page, absolute (lib/domain/links/urls.ts messageUrl). */
  url: string;
  expiresAt: Date | null;
  sandbox: boolean;
}

export interface PaymentMessageInput extends Money {
  language: Lang;
  merchantName: string;
  description: string | null;
  /** The merchant's order or invoice number, if the link has one. */
  reference: string | null;
  transactionId: string;
  provider: "MTN_CAM" | "ORANGE_CAM";
  /** E.164 without the plus (2376XXXXXXXX). */
  payerPhone: string;
  paidAt: Date;
  sandbox: boolean;
}

export interface MerchantPaymentInput extends PaymentMessageInput {
  /** The link's page in the dashboard, absolute. */
  dashboardUrl: string;
}

const TIME_ZONE = "Africa/Douala";
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

export function formatMessageDate(date: Date, language: Lang): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE });
    dateFormats.set(language, format);
  }
  return format.format(date);
}

export function formatMessageAmount(money: Money, language: Lang): string {
  return formatMoney(money.amountMinor, money.currency, LOCALE[language]);
}

/**
 * One line, no control characters, at most `max` characters (an ellipsis says it was cut).
 * Non-breaking spaces stay: formatted amounts use them (5 000 FCFA).
 */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u0020\u007f\u0085\u2028\u2029]+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** For SMS: Intl's narrow and non-breaking spaces (5 000 FCFA) would make the whole SMS Unicode. */
function smsSafe(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, " ").replace(/…/g, "...");
}

/** The payer's number on a receipt that may reach someone else: the country code and the last 3 digits. */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, "");
  if (digits.length < 8) return "•".repeat(digits.length);
  return `+${digits.slice(0, 3)} ${"•".repeat(digits.length - 6)}${digits.slice(-3)}`;
}

/** French puts a space before the colon, English does not. */
function colon(language: Lang): string {
  return language === "fr" ? " : " : ": ";
}

function lines(...parts: (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === "string").join("\n");
}

export function renderLinkEmail(input: LinkMessageInput): RenderedEmail {
  const words = NOTIFICATION_WORDS[input.language];
  const amount = formatMessageAmount(input, input.language);
  const merchant = oneLine(input.merchantName, 100);
  const description = input.description?.trim() || null;
  const expires = input.expiresAt ? words.link.expires(formatMessageDate(input.expiresAt, input.language)) : null;
  const subject = oneLine(words.link.subject(merchant, amount), 200);

  const text = lines(
    words.greeting,
    "",
    words.link.request(merchant, amount),
    description && `${words.link.for}${colon(input.language)}${description}`,
    "",
    `${words.link.payNow}${colon(input.language)}${input.url}`,
    "",
    words.link.howToPay,
    expires,
    input.sandbox && words.link.sandbox,
    "",
    words.link.notExpected,
    "",
    "--",
    words.footer,
  );

  const body = html`<p style="margin:0 0 16px">${words.greeting}</p>
<p style="margin:0 0 16px">${words.link.request(merchant, amount)}</p>
${description ? html`<p style="margin:0 0 16px"><strong>${words.link.for}</strong>${colon(input.language)}${description}</p>` : ""}
${input.sandbox ? html`<p style="margin:0 0 16px;padding:8px 12px;background:#fef3c7;color:#78350f;border-radius:6px">${words.link.sandbox}</p>` : ""}
${buttonLink(input.url, words.link.payNow)}
<p style="margin:0 0 16px">${words.link.howToPay}</p>
${expires ? html`<p style="margin:0 0 16px">${expires}</p>` : ""}
<p style="margin:0;color:#475569;font-size:14px">${words.link.notExpected}</p>`;

  return { subject, text, html: emailDocument({ language: input.language, title: subject, body, footer: words.footer }) };
}

/** A short SMS: who asks, how much, for what (cut short), and the short URL. GSM-7 friendly spaces. */
export function renderLinkSms(input: LinkMessageInput): string {
  const words = NOTIFICATION_WORDS[input.language];
  const amount = formatMessageAmount(input, input.language);
  const description = input.description?.trim() ? oneLine(input.description, 40) : null;
  const text = words.link.sms(oneLine(input.merchantName, 40), amount, description, input.url);
  return smsSafe(input.sandbox ? `[TEST] ${text}` : text);
}

function paymentRows(input: PaymentMessageInput, phone: string, withMerchant: boolean): [string, string][] {
  const words = NOTIFICATION_WORDS[input.language];
  const rows: [string, string][] = [[words.fields.amount, formatMessageAmount(input, input.language)]];
  if (withMerchant) rows.push([words.fields.merchant, oneLine(input.merchantName, 100)]);
  if (input.description?.trim()) rows.push([words.fields.description, input.description.trim()]);
  if (input.reference) rows.push([words.fields.reference, input.reference]);
  rows.push(
    [words.fields.transaction, input.transactionId],
    [words.fields.provider, words.providerNames[input.provider]],
    [words.fields.phone, phone],
    [words.fields.date, formatMessageDate(input.paidAt, input.language)],
  );
  return rows;
}

function rowsAsText(rows: [string, string][], language: Lang): string {
  return rows.map(([label, value]) => `${label}${colon(language)}${value.replace(/\s*\n\s*/g, " ")}`).join("\n");
}

export function renderReceiptEmail(input: PaymentMessageInput): RenderedEmail {
  const words = NOTIFICATION_WORDS[input.language];
  const merchant = oneLine(input.merchantName, 100);
  const amount = formatMessageAmount(input, input.language);
  const subject = oneLine(words.receipt.subject(merchant, amount), 200);
  const rows = paymentRows(input, maskPhone(input.payerPhone), true);

  const text = lines(
    words.greeting,
    "",
    words.receipt.intro(merchant),
    input.sandbox && words.receipt.sandbox,
    "",
    rowsAsText(rows, input.language),
    "",
    words.receipt.keep,
    "",
    "--",
    words.footer,
  );
  const body = html`<h1 style="margin:0 0 16px;font-size:22px;color:#065f46">${words.receipt.title}</h1>
<p style="margin:0 0 16px">${words.receipt.intro(merchant)}</p>
${input.sandbox ? html`<p style="margin:0 0 16px;padding:8px 12px;background:#fef3c7;color:#78350f;border-radius:6px">${words.receipt.sandbox}</p>` : ""}
${detailsTable(rows)}
<p style="margin:0;color:#475569;font-size:14px">${words.receipt.keep}</p>`;
  return { subject, text, html: emailDocument({ language: input.language, title: subject, body, footer: words.footer }) };
}

export function renderMerchantPaymentEmail(input: MerchantPaymentInput): RenderedEmail {
  const words = NOTIFICATION_WORDS[input.language];
  const amount = formatMessageAmount(input, input.language);
  const description = input.description?.trim() ? oneLine(input.description, 60) : null;
  const subject = oneLine(words.merchantPayment.subject(amount, description), 200);
  const rows = paymentRows(input, `+${input.payerPhone}`, false);

  const text = lines(
    words.greeting,
    "",
    words.merchantPayment.intro(amount),
    input.sandbox && words.merchantPayment.sandbox,
    "",
    rowsAsText(rows, input.language),
    "",
    `${words.merchantPayment.open}${colon(input.language)}${input.dashboardUrl}`,
    "",
    words.merchantPayment.why,
  );
  const body = html`<h1 style="margin:0 0 16px;font-size:22px;color:#065f46">${words.merchantPayment.title}</h1>
<p style="margin:0 0 16px">${words.merchantPayment.intro(amount)}</p>
${input.sandbox ? html`<p style="margin:0 0 16px;padding:8px 12px;background:#fef3c7;color:#78350f;border-radius:6px">${words.merchantPayment.sandbox}</p>` : ""}
${detailsTable(rows)}
${buttonLink(input.dashboardUrl, words.merchantPayment.open)}`;
  return { subject, text, html: emailDocument({ language: input.language, title: subject, body, footer: words.merchantPayment.why }) };
}
