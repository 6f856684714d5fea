"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireMerchant } from "@/lib/auth/session";
import { formFieldOf, linkFormErrors, linkFormSchema, toCreateLinkInput, type LinkFormErrors } from "@/lib/contracts/dashboard/link-form";
import { AppErrorCode, isAppError } from "@/lib/errors";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { createLink } from "@/lib/services/links/create-link";
import { updateLink } from "@/lib/services/links/update-link";

/** Creates a link from the dashboard form; on success the merchant lands on its page. */
export async function createLinkAction(values: unknown): Promise<{ errors: LinkFormErrors }> {
  const scope = await requireMerchant();
  const parsed = linkFormSchema.safeParse(values);
  if (!parsed.success) return { errors: linkFormErrors(parsed.error) };
  let id: string;
  try {
    id = (await createLink(scope, toCreateLinkInput(parsed.data))).id;
  } catch (error) {
    if (isAppError(error) && error.code === AppErrorCode.VALIDATION) return { errors: { [formFieldOf(error.details.field)]: error.message } };
    throw error;
  }
  revalidatePath("/dashboard/links");
  redirect(`/dashboard/links/${id}`);
}

export interface LinkActionResult {
  ok: boolean;
  error?: string;
  field?: string;
}

/** Edits description, expiry, max uses and metadata (merged); the lifecycle rules decide. */
export async function updateLinkAction(
  id: string,
  /** Only the fields the merchant changed; an empty expiry removes it. */
  changes: { description?: string; expiresAt?: string; maxUses?: string; metadata?: { key: string; value: string }[] },
): Promise<LinkActionResult> {
  const scope = await requireMerchant();
  try {
    await updateLink(scope, id, {
      description: changes.description === undefined ? undefined : changes.description.trim() || null,
      expiresAt: changes.expiresAt === undefined ? undefined : changes.expiresAt ? new Date(changes.expiresAt) : null,
      maxUses: changes.maxUses === undefined ? undefined : Number(changes.maxUses),
      metadata: changes.metadata && Object.fromEntries(changes.metadata.filter((p) => p.key.trim()).map((p) => [p.key.trim(), p.value])),
    });
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, field: error.details.field };
    throw error;
  }
  revalidatePath(`/dashboard/links/${id}`);
  return { ok: true };
}

export async function cancelLinkAction(id: string): Promise<LinkActionResult> {
  const scope = await requireMerchant();
  try {
    await cancelLink(scope, id);
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    throw error;
  }
  revalidatePath(`/dashboard/links/${id}`);
  return { ok: true };
}
