"use server";

import { revalidatePath } from "next/cache";
import { requireMerchant } from "@/lib/auth/session";
import type { CreateEndpointInput, UpdateEndpointInput } from "@/lib/domain/webhooks/schemas";
import { AppErrorCode, isAppError, type AppError } from "@/lib/errors";
import { rotateWebhookSecret } from "@/lib/services/merchants/rotate-webhook-secret";
import { createWebhookEndpoint } from "@/lib/services/webhooks/create-endpoint";
import { deleteWebhookEndpoint } from "@/lib/services/webhooks/delete-endpoint";
import { getWebhookSigning } from "@/lib/services/webhooks/get-signing";
import { resendDelivery } from "@/lib/services/webhooks/resend-delivery";
import { sendTestEvent } from "@/lib/services/webhooks/send-test-event";
import { disableWebhookEndpoint, enableWebhookEndpoint } from "@/lib/services/webhooks/set-endpoint-enabled";
import { updateWebhookEndpoint } from "@/lib/services/webhooks/update-endpoint";

/** What the dashboard shows beside a field or above a form; anything else is a bug and throws. */
export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; error: string; field?: string };

const ANSWERED: ReadonlySet<string> = new Set([AppErrorCode.VALIDATION, AppErrorCode.NOT_FOUND, AppErrorCode.INVALID_STATE]);

async function answer<T extends object>(work: () => Promise<T>, paths: string[]): Promise<ActionResult<T>> {
  let value: T;
  try {
    value = await work();
  } catch (error) {
    if (!isAppError(error) || !ANSWERED.has(error.code)) throw error;
    const known = error as AppError;
    return { ok: false, error: known.message, ...(known.details.field ? { field: known.details.field } : {}) };
  }
  for (const path of paths) revalidatePath(path);
  return { ok: true, ...value };
}

const SETTINGS = "/dashboard/settings";
const DELIVERIES = "/dashboard/webhooks";

/** Adds an endpoint; the input is the form's, checked by the service (errors name `url` or `events`). */
export async function createEndpointAction(input: { url: string; events: string[] }): Promise<ActionResult<{ id: string }>> {
  const scope = await requireMerchant();
  return answer(async () => ({ id: (await createWebhookEndpoint(scope, input as CreateEndpointInput)).id }), [SETTINGS, DELIVERIES]);
}

export async function updateEndpointEventsAction(id: string, events: string[]): Promise<ActionResult> {
  const scope = await requireMerchant();
  return answer(async () => (await updateWebhookEndpoint(scope, id, { events } as UpdateEndpointInput), {}), [SETTINGS]);
}

export async function setEndpointEnabledAction(id: string, enabled: boolean): Promise<ActionResult> {
  const scope = await requireMerchant();
  return answer(async () => ((enabled ? await enableWebhookEndpoint(scope, id) : await disableWebhookEndpoint(scope, id)), {}), [SETTINGS, DELIVERIES]);
}

export async function deleteEndpointAction(id: string): Promise<ActionResult> {
  const scope = await requireMerchant();
  return answer(async () => (await deleteWebhookEndpoint(scope, id), {}), [SETTINGS, DELIVERIES]);
}

/** Queues a webhook.test to the endpoint; returns the delivery's id, to follow it. */
export async function sendTestEventAction(endpointId: string): Promise<ActionResult<{ deliveryId: string }>> {
  const scope = await requireMerchant();
  return answer(async () => ({ deliveryId: (await sendTestEvent(scope, endpointId)).id }), [DELIVERIES]);
}

export async function resendDeliveryAction(id: string): Promise<ActionResult> {
  const scope = await requireMerchant();
  return answer(async () => (await resendDelivery(scope, id), {}), [DELIVERIES, `${DELIVERIES}/${id}`]);
}

/** A new signing secret; the one it replaces keeps signing until `previousValidUntil` (ISO 8601). */
export async function rotateSigningSecretAction(): Promise<{ secret: string; previousValidUntil: string | null }> {
  const scope = await requireMerchant();
  await rotateWebhookSecret(scope);
  const signing = await getWebhookSigning(scope);
  revalidatePath(SETTINGS);
  return { secret: signing.secret, previousValidUntil: signing.previousValidUntil?.toISOString() ?? null };
}
