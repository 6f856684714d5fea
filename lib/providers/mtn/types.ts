/**
 * MTN MoMo Collection API shapes (see /work/shared/PROVIDERS.md). Answers are parsed, never
 * trusted; the request body schema is also what the mock enforces.
 */
import { z } from "zod";

export const MtnTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});

export const MtnRequestToPayBodySchema = z.object({
  /** Major units as a decimal string: "1000" for 1000 XAF. */
  amount: z.string().regex(/^(?=.*[1-9])\d+(\.\d+)?$/, "must be a positive decimal string such as \"1000\""),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
  externalId: z.string().min(1),
  payer: z.object({
    partyIdType: z.literal("MSISDN"),
    partyId: z.string().regex(/^\d{8,15}$/, "must be the payer's number in international format, digits only"),
  }),
  payerMessage: z.string().optional(),
  payeeNote: z.string().optional(),
});
export type MtnRequestToPayBody = z.infer<typeof MtnRequestToPayBodySchema>;

export const MTN_STATUSES = ["PENDING", "SUCCESSFUL", "FAILED"] as const;
export type MtnStatus = (typeof MTN_STATUSES)[number];

/**
 * GET requesttopay/{referenceId}, and the callback body (which may omit fields). `reason` is a
 * string in the sandbox but an {code, message} object in parts of MTN's own specification:
 * both are read.
 */
export const MtnRequestToPayResultSchema = z.object({
  financialTransactionId: z.string().nullish(),
  externalId: z.string().nullish(),
  amount: z.string().nullish(),
  currency: z.string().nullish(),
  payer: z.object({ partyIdType: z.string(), partyId: z.string() }).nullish(),
  payerMessage: z.string().nullish(),
  payeeNote: z.string().nullish(),
  status: z.enum(MTN_STATUSES),
  reason: z.union([z.string(), z.object({ code: z.string(), message: z.string().nullish() })]).nullish(),
});
export type MtnRequestToPayResult = z.infer<typeof MtnRequestToPayResultSchema>;
