import type { PersonMessageChannel, PersonMessageStatus } from "@/lib/notifications/outbox-messages";

/** What each kind of message is, for people. */
export const KIND_LABELS: Record<string, string> = {
  "email.link": "Payment link",
  "sms.link": "Payment link",
  "email.receipt": "Receipt to the payer",
  "email.merchant_payment": "Payment notification to you",
};

export const CHANNEL_LABELS: Record<PersonMessageChannel, string> = { EMAIL: "Email", SMS: "SMS" };

export const STATUS_LABELS: Record<PersonMessageStatus, string> = {
  PENDING: "Pending",
  SENDING: "Sending",
  SENT: "Sent",
  KEPT: "Kept",
  FAILED: "Failed",
};

const STATUS_STYLES: Record<PersonMessageStatus, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  SENDING: "bg-sky-100 text-sky-900",
  SENT: "bg-emerald-100 text-emerald-900",
  KEPT: "bg-slate-200 text-slate-800",
  FAILED: "bg-rose-100 text-rose-900",
};

export function MessageStatusBadge({ status }: { status: PersonMessageStatus }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-bold ${STATUS_STYLES[status] ?? "bg-slate-100"}`} data-testid="message-status">
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}

/** Why a message is in its status, in a sentence. */
export const STATUS_EXPLAINED: Record<PersonMessageStatus, string> = {
  PENDING: "Waiting to be sent (again, after a failed attempt).",
  SENDING: "Being sent now.",
  SENT: "Handed over to the email server or SMS gateway.",
  KEPT: "Not sent: no email server (SMTP_URL) or SMS gateway (SMS_GATEWAY_URL) is configured, so it is kept here.",
  FAILED: "Given up after repeated failures, or refused for good.",
};
