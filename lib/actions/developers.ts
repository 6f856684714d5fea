"use server";

import { revalidatePath } from "next/cache";
import { requireMerchant } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { createCredential } from "@/lib/services/credentials/create-credential";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";

export type CreateKeyResult = { ok: true; apiKey: string } | { ok: false; error: string; field?: string };

/** Creates an API key; the full key is returned this once and never again. */
export async function createApiKeyAction(input: { name: string; mode: string; scopes: string[] }): Promise<CreateKeyResult> {
  const scope = await requireMerchant();
  try {
    const { apiKey } = await createCredential(scope, input as Parameters<typeof createCredential>[1]);
    revalidatePath("/dashboard/developers");
    return { ok: true, apiKey };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, field: error.details.field };
    throw error;
  }
}

export async function revokeApiKeyAction(id: string): Promise<{ ok: boolean; error?: string }> {
  const scope = await requireMerchant();
  try {
    await revokeCredential(scope, id);
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    throw error;
  }
  revalidatePath("/dashboard/developers");
  return { ok: true };
}
