/** Instanvi JSON -> domain input. Amounts arrive in major units and are converted here only. */
import type { z } from "zod";
import type { Mode } from "@/lib/domain/links/enums";
import type { CreateLinkInput, UpdateLinkInput } from "@/lib/domain/links/schemas";
import { validationError } from "@/lib/errors";
import { isKnownCurrency, MoneyFormatError, toMinorUnits } from "@/lib/money";
import type { createPaymentLinkRequest, updatePaymentLinkRequest } from "./schemas";

export function toCreateLinkInput(body: z.output<typeof createPaymentLinkRequest>, mode: Mode): CreateLinkInput {
  const currency = body.currency.toUpperCase();
  if (!isKnownCurrency(currency)) throw validationError("currency", "currency must be an ISO 4217 currency code, such as XAF or EUR");
  let amountMinor: number;
  try {
    amountMinor = toMinorUnits(body.amount, currency);
  } catch (error) {
    if (error instanceof MoneyFormatError) throw validationError("amount", error.message);
    throw error;
  }
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
