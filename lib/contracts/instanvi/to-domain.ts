/** Instanvi JSON -> domain input. Amounts arrive in major units and are converted here only. */
import type { z } from "zod";
import type { Mode } from "@/lib/domain/links/enums";
import type { CreateLinkInput, UpdateLinkInput } from "@/lib/domain/links/schemas";
import { parseMajorAmount } from "@/lib/contracts/kit/amount";
import type { createPaymentLinkRequest, updatePaymentLinkRequest } from "./schemas";

export function toCreateLinkInput(body: z.output<typeof createPaymentLinkRequest>, mode: Mode): CreateLinkInput {
  const { amountMinor, currency } = parseMajorAmount(body.amount, body.currency);
  return {
    amountMinor,
    currency,
    description: body.description,
    expiresAt: body.expires_at,
    provider: body.provider,
    type: body.type,
    maxUses: body.max_uses,
    metadata: body.metadata,
    mode,
  };
}

export function toUpdateLinkInput(body: z.output<typeof updatePaymentLinkRequest>): UpdateLinkInput {
  return {
    description: body.description,
    expiresAt: body.expires_at,
    status: body.status,
    maxUses: body.max_uses,
    metadata: body.metadata,
  };
}
