/**
 * Signed webhooks, as Standard Webhooks (https://www.standardwebhooks.com) specifies them, so a
 * receiver verifies with any of its libraries (the `standardwebhooks` npm package in our tests):
 *
 *   webhook-id: <outbox message id>            (the same on every retry: receivers dedupe on it)
 *   webhook-timestamp: <Unix seconds of this attempt>
 *   webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">[ v1,<with the previous secret>]
 *
 * The key is the base64-decoded part of the merchant's `whsec_...` secret (webhookSecretKey in
 * lib/domain/merchants/webhook-secret.ts, which also reads older base64url secrets). For 24
 * hours after a rotation (Merchant.previousWebhookSecret until previousWebhookSecretExpiresAt)
 * both secrets sign, space-separated, so a receiver still on the old secret keeps verifying.
 * The body is the message's payload ({type, timestamp, data}) as JSON. An endpoint that answers
 * 410 Gone is disabled; a disabled endpoint gets nothing more.
 */
import { createHmac } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { signingSecrets, webhookSecretKey } from "@/lib/domain/merchants/webhook-secret";
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import { outboxConfig } from "../config";
import { postJson, type HttpSenderOptions } from "./http-post";
import type { DeliveryResult, Sender } from "./types";

const USER_AGENT = "Paylinks-Webhooks/1.0";

/** One `v1,<base64>` signature of the message. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", webhookSecretKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The payload as the body: type, timestamp and data first, as enqueued (JSONB keeps no key order). */
export function webhookBody(payload: OutboxMessage["payload"]): string {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return JSON.stringify(payload);
  const { type, timestamp, data, ...rest } = payload as Record<string, unknown>;
  return JSON.stringify({ type, timestamp, data, ...rest });
}

export interface WebhookSenderOptions extends HttpSenderOptions {
  /** The clock of the `webhook-timestamp` header and of the rotation's 24 hours. */
  now?: () => Date;
}

export function createWebhookSender(options: WebhookSenderOptions = {}): Sender {
  const now = options.now ?? (() => new Date());
  return async (messages) => {
    const results: DeliveryResult[] = [];
    // The worker hands webhooks over one by one; several would be sent one after the other.
    for (const message of messages) results.push(await sendOne(message));
    return results.find((r) => !r.ok) ?? results[0] ?? { ok: false, retry: false, error: "no message" };
  };

  async function sendOne(message: OutboxMessage): Promise<DeliveryResult> {
    const db = getDb();
    const [merchant, endpoint] = await Promise.all([
      db.merchant.findUnique({
        where: { id: message.merchantId },
        select: { webhookSecret: true, previousWebhookSecret: true, previousWebhookSecretExpiresAt: true },
      }),
      message.endpointId
        ? db.webhookEndpoint.findUnique({ where: { id: message.endpointId }, select: { disabledAt: true, disabledReason: true } })
        : null,
    ]);
    if (!merchant) return { ok: false, retry: false, error: "the merchant no longer exists" };
    if (endpoint?.disabledAt) {
      return { ok: false, retry: false, error: `the endpoint is disabled${endpoint.disabledReason ? ` (${endpoint.disabledReason})` : ""}` };
    }

    const at = now();
    const timestamp = Math.floor(at.getTime() / 1000);
    const body = webhookBody(message.payload);
    const secrets = signingSecrets(merchant, at);
    const headers = {
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      "webhook-id": message.id,
      "webhook-timestamp": String(timestamp),
      // Signatures, not secrets: they are kept with the request for the dashboard.
      "webhook-signature": secrets.map((secret) => signWebhook(secret, message.id, timestamp, body)).join(" "),
    };
    const result = await postJson({
      url: message.destination,
      headers,
      body,
      timeoutMs: options.timeoutMs ?? outboxConfig().deliveryTimeoutMs,
      lookup: options.lookup,
    });
    if (!result.ok && result.statusCode === 410) {
      return { ...result, retry: false, error: "answered HTTP 410 Gone: the endpoint is disabled", disableEndpoint: true };
    }
    return result;
  }
}

export const webhookSender: Sender = createWebhookSender();
