import type { OutboxMessage } from "@/lib/generated/prisma/client";
import type { DeliveryResult, Sender } from "./types";

/**
 * SMS through a small gateway interface. The default keeps every message (status KEPT) for the
 * dashboard's Outbox page: nothing leaves the product. With SMS_GATEWAY_URL set, each message is
 * POSTed as JSON {to, text} to that URL (with `Authorization: Bearer $SMS_GATEWAY_TOKEN` when
 * set), which is how most HTTP SMS gateways, or a small adapter in front of one, take them.
 */
export interface SmsMessage {
  /** E.164 with the plus (+2376XXXXXXXX). */
  to: string;
  text: string;
}

export interface SmsGateway {
  /** For people: "keep", "http <url>". */
  readonly name: string;
  send(message: SmsMessage): Promise<DeliveryResult>;
}

/** Sends nothing: the message stays in the outbox, KEPT, for the dashboard. */
export const keepGateway: SmsGateway = {
  name: "keep",
  send: async () => ({ ok: true, kept: true, response: "kept: SMS_GATEWAY_URL is not set" }),
};

export const SMS_GATEWAY_TIMEOUT_MS = 10_000;

/** POST {to, text} as JSON; a 2xx is sent, anything else (or no answer in time) is retried. */
export function httpGateway(url: string, token?: string, timeoutMs = SMS_GATEWAY_TIMEOUT_MS): SmsGateway {
  return {
    name: `http ${url}`,
    async send(message) {
      const request = { method: "POST", url, body: { to: message.to, text: message.text } };
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/plain;q=0.9, */*;q=0.5",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(request.body),
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = (await response.text()).slice(0, 2000);
        const common = { statusCode: response.status, latencyMs: elapsed(), request, response: body };
        if (response.ok) return { ok: true, ...common };
        return { ok: false, retry: true, error: `the SMS gateway answered ${response.status}`, ...common };
      } catch (caught) {
        const error = caught as Error;
        const timedOut = error.name === "TimeoutError" || error.name === "AbortError";
        return {
          ok: false,
          retry: true,
          error: timedOut ? `the SMS gateway did not answer within ${timeoutMs} ms` : `the SMS gateway could not be reached: ${error.message}`,
          latencyMs: elapsed(),
          request,
        };
      }
    },
  };
}

/** The gateway the configuration asks for, read on every call (so that tests and operators can change it). */
export function configuredSmsGateway(): SmsGateway {
  const url = process.env.SMS_GATEWAY_URL?.trim();
  if (!url) return keepGateway;
  return httpGateway(url, process.env.SMS_GATEWAY_TOKEN?.trim() || undefined);
}

export function readSmsPayload(payload: unknown): SmsMessage | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const { to, text } = payload as Record<string, unknown>;
  if (typeof to !== "string" || !to.trim() || typeof text !== "string") return null;
  return { to, text };
}

/** A sender over a given gateway (one message per call, as the worker sends SMS). */
export function smsSenderWith(gateway: () => SmsGateway): Sender {
  return async (messages: OutboxMessage[]) => {
    let last: DeliveryResult = { ok: false, retry: false, error: "no message to send" };
    for (const message of messages) {
      const sms = readSmsPayload(message.payload);
      last = sms ? await gateway().send(sms) : { ok: false, retry: false, error: "the message has no {to, text} payload" };
      if (!last.ok) return last;
    }
    return last;
  };
}

export const smsSender: Sender = smsSenderWith(configuredSmsGateway);
