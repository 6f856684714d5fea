import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { appBaseUrl } from "@/lib/config/app-url";
import type { Prisma } from "@/lib/generated/prisma/client";
import { effectiveStatus } from "@/lib/domain/links/lifecycle";
import { messageUrl, type MessageUrlForm } from "@/lib/domain/links/urls";
import { invalidState, notFound } from "@/lib/errors";
import { isLang, type Lang } from "@/lib/i18n/pay-page";
import { fromStoredMinor } from "@/lib/money";
import {
  renderLinkEmail,
  renderLinkSms,
  renderMerchantPaymentEmail,
  renderReceiptEmail,
  type LinkMessageInput,
  type PaymentMessageInput,
} from "@/lib/notifications/templates/messages";
import { enqueueMessage } from "@/lib/services/outbox/enqueue-message";
import type { RecordedEvent } from "./publish-event";

/**
 * Emails and SMS to people, written to the outbox with the event that causes them (same
 * transaction), rendered in full now: the worker only hands them over, and the dashboard's
 * Outbox page shows exactly what was sent.
 * - `link.created` with a delivery method (Zeamster's: 1 email, 2 SMS, 3 both) and the matching
 *   customer address: the link by email ("email.link") and/or SMS ("sms.link");
 * - `payment.succeeded`: a receipt to the link's customer email ("email.receipt"), and to the
 *   merchant's notification email when they asked for one per payment ("email.merchant_payment").
 * Nothing is written without an address. The language is the link's, else the merchant's default.
 */
export async function personMessagesFor(tx: Prisma.TransactionClient, event: RecordedEvent): Promise<void> {
  if (event.type === "link.created" && event.linkId) {
    const link = await readLink(tx, event.linkId);
    if (link) await enqueueLinkMessages(tx, link, messageUrlOf(event.data), event.id);
  } else if (event.type === "payment.succeeded" && event.paymentId) {
    await enqueuePaymentMessages(tx, event.paymentId, event.id);
  }
}

export type PersonChannel = "EMAIL" | "SMS";

/**
 * Sends the link again by the delivery method it was created with (Zeamster's
 * `POST /v2/paylinks/{id}/resend`), in the caller's transaction. Returns the channels written
 * (empty when the link asks for no delivery or has no address for it). A link of another
 * merchant is NOT_FOUND; a link that can no longer be paid (PAID, CANCELLED, EXPIRED) is
 * INVALID_STATE: sending it would only invite a payment that cannot happen.
 */
export async function resendLinkMessages(
  tx: Prisma.TransactionClient,
  scope: { merchantId: string },
  linkId: string,
  { now = new Date(), messageUrl: form = "short" }: { now?: Date; messageUrl?: MessageUrlForm } = {},
): Promise<PersonChannel[]> {
  const link = await readLink(tx, linkId);
  if (!link || link.merchantId !== scope.merchantId) throw notFound("payment_link");
  const status = effectiveStatus(link.status, link.expiresAt, now);
  if (status !== "ACTIVE") {
    throw invalidState(`Payment link is ${status}: only an active link can be sent again`);
  }
  return enqueueLinkMessages(tx, link, form);
}

/** The URL form a `link.created` event asks its messages to carry (createLinkInTx). */
function messageUrlOf(data: Prisma.JsonValue): MessageUrlForm {
  const form = data && typeof data === "object" && !Array.isArray(data) ? data.message_url : undefined;
  return form === "id" ? "id" : "short";
}

const LINK_SELECT = {
  id: true,
  merchantId: true,
  shortCode: true,
  amountMinor: true,
  currency: true,
  description: true,
  status: true,
  expiresAt: true,
  mode: true,
  language: true,
  customerEmail: true,
  customerPhone: true,
  deliveryMethod: true,
  merchantReference: true,
  invoiceReference: true,
  merchant: { select: { name: true, defaultLanguage: true, notificationEmail: true, notifyPayments: true } },
} as const satisfies Prisma.PaymentLinkSelect;

type LinkRow = Prisma.PaymentLinkGetPayload<{ select: typeof LINK_SELECT }>;

function readLink(tx: Prisma.TransactionClient, linkId: string): Promise<LinkRow | null> {
  return tx.paymentLink.findUnique({ where: { id: linkId }, select: LINK_SELECT });
}

/** The link's language, else the merchant's default, else French. */
export function messageLanguage(link: { language: string | null }, merchant: { defaultLanguage: string }): Lang {
  if (isLang(link.language)) return link.language;
  return isLang(merchant.defaultLanguage) ? merchant.defaultLanguage : "fr";
}

/** E.164 with the plus, as SMS gateways want it; a national Cameroon number gets +237. */
export function smsDestination(phone: string): string {
  const compact = phone.replace(/[\s.()-]/g, "");
  const candidate = /^237\d{9}$/.test(compact) ? `+${compact}` : compact;
  const parsed = parsePhoneNumberFromString(candidate, "CM");
  return parsed?.isValid() ? parsed.number : compact;
}

const wantsEmail = (method: number) => method === 1 || method === 3;
const wantsSms = (method: number) => method === 2 || method === 3;

async function enqueueLinkMessages(
  tx: Prisma.TransactionClient,
  link: LinkRow,
  form: MessageUrlForm,
  eventId?: string,
): Promise<PersonChannel[]> {
  const email = wantsEmail(link.deliveryMethod) ? link.customerEmail?.trim() : undefined;
  const phone = wantsSms(link.deliveryMethod) ? link.customerPhone?.trim() : undefined;
  if (!email && !phone) return [];

  const language = messageLanguage(link, link.merchant);
  const input: LinkMessageInput = {
    language,
    merchantName: link.merchant.name,
    amountMinor: fromStoredMinor(link.amountMinor),
    currency: link.currency,
    description: link.description,
    url: messageUrl(link, form, appBaseUrl()),
    expiresAt: link.expiresAt,
    sandbox: link.mode === "SANDBOX",
  };
  const written: PersonChannel[] = [];
  if (email) {
    const rendered = renderLinkEmail(input);
    await enqueueMessage(tx, {
      merchantId: link.merchantId,
      channel: "EMAIL",
      kind: "email.link",
      destination: email,
      payload: { to: email, ...rendered, language },
      eventId,
    });
    written.push("EMAIL");
  }
  if (phone) {
    const to = smsDestination(phone);
    await enqueueMessage(tx, {
      merchantId: link.merchantId,
      channel: "SMS",
      kind: "sms.link",
      destination: to,
      payload: { to, text: renderLinkSms(input) },
      eventId,
    });
    written.push("SMS");
  }
  return written;
}

async function enqueuePaymentMessages(tx: Prisma.TransactionClient, paymentId: string, eventId: string): Promise<void> {
  const payment = await tx.payment.findUnique({
    where: { id: paymentId },
    select: {
      amountMinor: true,
      currency: true,
      status: true,
      provider: true,
      payerPhone: true,
      transactionId: true,
      mode: true,
      settledAt: true,
      link: { select: LINK_SELECT },
    },
  });
  if (!payment || payment.status !== "SUCCESSFUL") return;
  const { link } = payment;
  const receiptTo = link.customerEmail?.trim();
  const merchantTo = link.merchant.notifyPayments ? link.merchant.notificationEmail?.trim() : undefined;
  if (!receiptTo && !merchantTo) return;

  const language = messageLanguage(link, link.merchant);
  const input: PaymentMessageInput = {
    language,
    merchantName: link.merchant.name,
    amountMinor: fromStoredMinor(payment.amountMinor),
    currency: payment.currency,
    description: link.description,
    reference: link.invoiceReference ?? link.merchantReference,
    transactionId: payment.transactionId,
    provider: payment.provider,
    payerPhone: payment.payerPhone,
    paidAt: payment.settledAt ?? new Date(),
    sandbox: payment.mode === "SANDBOX",
  };
  if (receiptTo) {
    await enqueueMessage(tx, {
      merchantId: link.merchantId,
      channel: "EMAIL",
      kind: "email.receipt",
      destination: receiptTo,
      payload: { to: receiptTo, ...renderReceiptEmail(input), language },
      eventId,
    });
  }
  if (merchantTo) {
    const rendered = renderMerchantPaymentEmail({ ...input, dashboardUrl: `${appBaseUrl()}/dashboard/links/${link.id}` });
    await enqueueMessage(tx, {
      merchantId: link.merchantId,
      channel: "EMAIL",
      kind: "email.merchant_payment",
      destination: merchantTo,
      payload: { to: merchantTo, ...rendered, language },
      eventId,
    });
  }
}
