import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import type { DeliveryResult, Sender } from "./types";

/**
 * Email over SMTP, configured by one URL: SMTP_URL=smtp://user:pass@host:587 (STARTTLS when the
 * server offers it) or smtps://user:pass@host:465 (TLS from the start); query parameters are
 * nodemailer's options (?requireTLS=true, ?connectionTimeout=20000). From: SMTP_FROM.
 * Without SMTP_URL nothing is sent: the message is KEPT, and the dashboard's Outbox page shows it.
 *
 * The message was rendered when it was written (payload {to, subject, text, html, language});
 * sending hands it over as is, with its plain-text and HTML parts.
 */
export const DEFAULT_SMTP_FROM = "Paylinks <no-reply@paylinks.local>";

/** Deadlines of one delivery, so that a dead server never holds the worker's claim for long. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

let cached: { url: string; transport: Transporter<SMTPTransport.SentMessageInfo> } | undefined;

/** One transport per SMTP_URL, made on first use (and again if the URL changes). */
function transportFor(url: string): Transporter<SMTPTransport.SentMessageInfo> {
  if (cached?.url !== url) {
    cached?.transport.close();
    // The URL's settings (host, port, secure, auth, query options) win over the defaults here.
    cached = { url, transport: nodemailer.createTransport(new SMTPTransport({ ...TIMEOUTS, url })) };
  }
  return cached.transport;
}

/** Closes the cached transport (tests, shutdown). */
export function closeEmailTransport(): void {
  cached?.transport.close();
  cached = undefined;
}

export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  html: string;
  language?: string;
}

export function readEmailPayload(payload: unknown): EmailPayload | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const p = payload as Record<string, unknown>;
  const strings = ["to", "subject", "text", "html"].every((key) => typeof p[key] === "string");
  if (!strings || !(p.to as string).trim()) return null;
  return {
    to: p.to as string,
    subject: p.subject as string,
    text: p.text as string,
    html: p.html as string,
    ...(typeof p.language === "string" ? { language: p.language } : {}),
  };
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * Sends one message (the worker's contract for EMAIL: one per call; given several, they go one
 * after the other and the first failure is the answer).
 */
export const emailSender: Sender = async (messages) => {
  let last: DeliveryResult = { ok: false, retry: false, error: "no message to send" };
  for (const message of messages) {
    last = await sendOne(message);
    if (!last.ok) return last;
  }
  return last;
};

async function sendOne(message: OutboxMessage): Promise<DeliveryResult> {
  const payload = readEmailPayload(message.payload);
  if (!payload) return { ok: false, retry: false, error: "the message has no {to, subject, text, html} payload" };

  const url = process.env.SMTP_URL?.trim();
  if (!url) return { ok: true, kept: true, response: "kept: SMTP_URL is not set" };

  const from = process.env.SMTP_FROM?.trim() || DEFAULT_SMTP_FROM;
  const request = { from, to: payload.to, subject: payload.subject };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const info = await transportFor(url).sendMail({
      from,
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
      html: payload.html,
      ...(payload.language ? { headers: { "Content-Language": payload.language } } : {}),
    });
    if (info.accepted.length === 0) {
      return { ok: false, retry: true, error: `the server accepted no recipient: ${info.response}`, latencyMs: elapsed(), request, response: info.response };
    }
    return { ok: true, latencyMs: elapsed(), request, response: `${info.response} (message id ${info.messageId})` };
  } catch (caught) {
    const error = caught as SmtpError;
    const response = error.response ?? undefined;
    // A 5xx refusal of the recipient or the message is permanent (RFC 5321): asking again would
    // only be refused again. Everything else (connection, auth, 4xx) is worth another attempt.
    const permanent =
      (error.code === "EENVELOPE" || error.code === "EMESSAGE") && typeof error.responseCode === "number" && error.responseCode >= 500;
    return {
      ok: false,
      retry: !permanent,
      error: `SMTP ${error.code ?? "error"}: ${error.message}`,
      latencyMs: elapsed(),
      request,
      ...(response ? { response } : {}),
    };
  }
}
