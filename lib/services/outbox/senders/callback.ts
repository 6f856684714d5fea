/**
 * The CM.com-style callback: POST {"paymentlink_refs": ["pml-<link uuid>", ...]} to the link's
 * callback_url (else the merchant's callback URL), telling the integrator which links changed
 * status so that it fetches them. The worker hands over every claimed CALLBACK message of one
 * merchant and destination together, and they go as one POST with the union of their refs
 * (each ref once); that POST's outcome is every message's outcome.
 */
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import { outboxConfig } from "../config";
import { postJson, type HttpSenderOptions } from "./http-post";
import type { Sender } from "./types";

const USER_AGENT = "Paylinks-Callbacks/1.0";

/** The refs of the messages, each once, in the order they first appear. */
export function callbackRefs(messages: readonly OutboxMessage[]): string[] {
  const refs = new Set<string>();
  for (const message of messages) {
    const payload = message.payload as { paymentlink_refs?: unknown } | null;
    const list = Array.isArray(payload?.paymentlink_refs) ? payload.paymentlink_refs : [];
    for (const ref of list) if (typeof ref === "string") refs.add(ref);
  }
  return [...refs];
}

export function createCallbackSender(options: HttpSenderOptions = {}): Sender {
  return async (messages) => {
    const destinations = new Set(messages.map((m) => m.destination));
    if (destinations.size !== 1) throw new Error(`a callback goes to one destination, got ${destinations.size}`);
    return postJson({
      url: messages[0]!.destination,
      headers: { "content-type": "application/json", "user-agent": USER_AGENT },
      body: JSON.stringify({ paymentlink_refs: callbackRefs(messages) }),
      timeoutMs: options.timeoutMs ?? outboxConfig().deliveryTimeoutMs,
      lookup: options.lookup,
    });
  };
}

export const callbackSender: Sender = createCallbackSender();
