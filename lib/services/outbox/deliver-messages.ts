import { getDb } from "@/lib/db/client";
import { Prisma, type OutboxMessage } from "@/lib/generated/prisma/client";
import { claimMessages, releaseMessages } from "./claim-messages";
import { backoffMs, outboxConfig, type OutboxConfig } from "./config";
import type { OutboxChannel } from "./enqueue-message";
import { senderFor as defaultSenderFor } from "./senders";
import { RESPONSE_KEPT_CHARS } from "./senders/http-post";
import type { DeliveryResult, Sender } from "./senders/types";

export interface DeliverOptions extends Partial<Omit<OutboxConfig, "intervalMs" | "deliveryTimeoutMs">> {
  /** Only this merchant's messages (tests, or a one-off run for one merchant). */
  merchantId?: string | null;
  /** The sender of each channel (tests); senders/index.ts by default. */
  senderFor?: (channel: OutboxChannel) => Sender;
  /** Randomness of the backoff's jitter (tests). */
  random?: () => number;
  /** Where unexpected errors go; console by default. */
  log?: Pick<Console, "error">;
}

export interface DeliverySummary {
  /** Messages this run claimed. */
  claimed: number;
  /** Delivered (SENT). */
  sent: number;
  /** Not sent, kept for the dashboard (no transport configured: KEPT). */
  kept: number;
  /** Failed this time, back to PENDING for a later attempt. */
  retrying: number;
  /** FAILED for good: refused, gone, or still failing past the retry window. */
  failed: number;
  /** Claimed but not attempted because the claim was about to run out; given back. */
  deferred: number;
  /** Attempted, but the claim had run out and another worker owned the message by then. */
  lost: number;
  /** Unexpected errors (logged); the claim runs out and a later run tries again. */
  errors: number;
}

/**
 * One run of the worker: claims due messages (claim-messages.ts), hands each to the sender of
 * its channel (CALLBACK messages of one merchant and destination together, as one POST), and
 * records what came of it on every message: SENT, KEPT, back to PENDING after a backoff with
 * full jitter, or FAILED (the sender says not to retry, or the retry window since the message
 * was written has passed). The last attempt is kept on the message for the dashboard: status
 * code, latency, what was sent (headers and body, never a secret) and the start of the answer.
 */
export async function deliverDueMessages(options: DeliverOptions = {}): Promise<DeliverySummary> {
  const env = outboxConfig();
  const config = {
    batchSize: options.batchSize ?? env.batchSize,
    concurrency: options.concurrency ?? env.concurrency,
    leaseMs: options.leaseMs ?? env.leaseMs,
    retryWindowMs: options.retryWindowMs ?? env.retryWindowMs,
    backoffBaseMs: options.backoffBaseMs ?? env.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs ?? env.backoffMaxMs,
    callbackBatchMs: options.callbackBatchMs ?? env.callbackBatchMs,
  };
  const senderFor = options.senderFor ?? defaultSenderFor;
  const log = options.log ?? console;

  // Start no delivery that could still be running when the lease runs out (measured from
  // before the claim, so this errs on the safe side): past it, another worker may claim the same
  // messages. With the defaults: none starts later than 43 s into a 60 s lease.
  const claimDeadline = Date.now() + Math.max(config.leaseMs - env.deliveryTimeoutMs - 2000, config.leaseMs * 0.5);
  const messages = await claimMessages({
    batchSize: config.batchSize,
    leaseMs: config.leaseMs,
    callbackWindowMs: config.callbackBatchMs,
    merchantId: options.merchantId,
  });
  const summary: DeliverySummary = { claimed: messages.length, sent: 0, kept: 0, retrying: 0, failed: 0, deferred: 0, lost: 0, errors: 0 };
  const groups = groupForDelivery(messages);

  let next = 0;
  const lane = async () => {
    for (let group = groups[next++]; group; group = groups[next++]) {
      if (Date.now() >= claimDeadline) {
        await releaseMessages(group).catch((error: unknown) => log.error("Worker: could not give back a claim", error));
        summary.deferred += group.length;
        continue;
      }
      try {
        const result = await attempt(senderFor(group[0]!.channel), group);
        await record(group, result, config, options.random ?? Math.random, summary);
      } catch (error) {
        summary.errors += group.length;
        log.error(`Worker: messages ${group.map((m) => m.id).join(", ")} could not be delivered or recorded`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.concurrency, groups.length) }, lane));
  return summary;
}

/** CALLBACK messages of one merchant and destination go together; everything else alone. */
function groupForDelivery(messages: OutboxMessage[]): OutboxMessage[][] {
  const groups: OutboxMessage[][] = [];
  const callbacks = new Map<string, OutboxMessage[]>();
  for (const message of messages) {
    if (message.channel !== "CALLBACK") {
      groups.push([message]);
      continue;
    }
    const key = `${message.merchantId} ${message.destination}`;
    const group = callbacks.get(key);
    if (group) group.push(message);
    else {
      const fresh = [message];
      callbacks.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/** A sender that throws (a bug, the database) counts as a failed attempt to retry. */
async function attempt(sender: Sender, group: OutboxMessage[]): Promise<DeliveryResult> {
  try {
    return await sender(group);
  } catch (error) {
    return { ok: false, retry: true, error: `the sender failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function record(
  group: OutboxMessage[],
  result: DeliveryResult,
  config: { retryWindowMs: number; backoffBaseMs: number; backoffMaxMs: number },
  random: () => number,
  summary: DeliverySummary,
): Promise<void> {
  const db = getDb();
  const now = new Date();
  const details = {
    lastStatusCode: result.statusCode ?? null,
    lastLatencyMs: result.latencyMs ?? null,
    lastRequest: result.request === undefined ? Prisma.DbNull : (result.request as Prisma.InputJsonValue),
    lastResponse: result.response === undefined ? null : result.response.slice(0, RESPONSE_KEPT_CHARS),
    lockedUntil: null,
  };

  if (!result.ok && result.disableEndpoint) {
    const endpointIds = [...new Set(group.flatMap((m) => (m.endpointId ? [m.endpointId] : [])))];
    await db.webhookEndpoint.updateMany({
      where: { id: { in: endpointIds }, disabledAt: null },
      data: { disabledAt: now, disabledReason: result.error },
    });
  }

  for (const message of group) {
    let data: Prisma.OutboxMessageUpdateManyMutationInput;
    let outcome: "sent" | "kept" | "retrying" | "failed";
    if (result.ok) {
      outcome = result.kept ? "kept" : "sent";
      data = { ...details, status: result.kept ? "KEPT" : "SENT", sentAt: result.kept ? null : now, lastError: null };
    } else {
      const deadline = message.createdAt.getTime() + config.retryWindowMs;
      if (!result.retry || now.getTime() >= deadline) {
        outcome = "failed";
        const gaveUp = result.retry ? ` (gave up after ${message.attempts} attempts in ${describeWindow(config.retryWindowMs)})` : "";
        data = { ...details, status: "FAILED", lastError: `${result.error}${gaveUp}` };
      } else {
        outcome = "retrying";
        const at = Math.min(now.getTime() + backoffMs(message.attempts, config, random), deadline);
        data = { ...details, status: "PENDING", nextAttemptAt: new Date(at), lastError: result.error };
      }
    }
    // Only while this worker still owns the claim: after it ran out, another worker may have
    // claimed (and counted) the message again, and its word is the one that counts.
    const updated = await db.outboxMessage.updateMany({ where: { id: message.id, status: "SENDING", attempts: message.attempts }, data });
    summary[updated.count === 1 ? outcome : "lost"]++;
  }
}

function describeWindow(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 1 ? `${Math.round(hours * 10) / 10} hours` : `${Math.round(ms / 1000)} s`;
}
