"use server";

import { revalidatePath } from "next/cache";
import { requireMerchant } from "@/lib/auth/session";
import type { UpdateNotificationSettingsInput, UpdateSettingsInput } from "@/lib/domain/merchants/schemas";
import { isAppError } from "@/lib/errors";
import { updateNotificationSettings } from "@/lib/services/merchants/notification-settings";
import { rotateWebhookSecret } from "@/lib/services/merchants/rotate-webhook-secret";
import { updateSettings } from "@/lib/services/merchants/update-settings";

export async function saveSettingsAction(input: UpdateSettingsInput): Promise<{ ok: boolean; error?: string; field?: string }> {
  const scope = await requireMerchant();
  try {
    await updateSettings(scope, input);
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, field: error.details.field };
    throw error;
  }
  revalidatePath("/dashboard", "layout");
  return { ok: true };
}

export async function rotateWebhookSecretAction(): Promise<string> {
  const scope = await requireMerchant();
  const secret = await rotateWebhookSecret(scope);
  revalidatePath("/dashboard/settings");
  return secret;
}

/** The merchant's email per successful payment (on/off) and its address. */
export async function saveNotificationSettingsAction(
  input: UpdateNotificationSettingsInput,
): Promise<{ ok: boolean; error?: string; field?: string }> {
  const scope = await requireMerchant();
  try {
    await updateNotificationSettings(scope, input);
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, field: error.details.field };
    throw error;
  }
  revalidatePath("/dashboard/settings");
  return { ok: true };
}
