/**
 * Orange Money Web Payment (Cameroon) shapes (see /work/shared/PROVIDERS.md). Answers are
 * parsed, never trusted; the request body schemas are also what the mock enforces.
 */
import { z } from "zod";

const httpUrl = z.url({ protocol: /^https?$/ });

export const OrangeTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});

export const OrangeWebPaymentBodySchema = z.object({
  merchant_key: z.string().min(1),
  currency: z.literal("XAF"),
  /** Unique per payment attempt. */
  order_id: z.string().min(1).max(30),
  /** Whole francs: XAF has no minor unit. */
  amount: z.number().int().positive(),
  return_url: httpUrl,
  cancel_url: httpUrl,
  notif_url: httpUrl,
  lang: z.enum(["fr", "en"]),
  reference: z.string().min(1),
  /**
   * NOT part of Orange's API: real Orange ignores or refuses it (the payer types the number on
   * payment_url). Our mock reads it to apply that number's test outcome at once, so the
   * "approve on your phone" flow works as with MTN.
   */
  subscriber_msisdn: z.string().regex(/^2376\d{8}$/, "must be 237 followed by 9 digits starting with 6").optional(),
});
export type OrangeWebPaymentBody = z.infer<typeof OrangeWebPaymentBodySchema>;

export const OrangeWebPaymentResponseSchema = z.object({
  status: z.number(),
  message: z.string(),
  pay_token: z.string().min(1),
  payment_url: httpUrl,
  notif_token: z.string().min(1),
});
export type OrangeWebPaymentResponse = z.infer<typeof OrangeWebPaymentResponseSchema>;

export const OrangeTransactionStatusBodySchema = z.object({
  order_id: z.string().min(1),
  amount: z.number().int().positive(),
  pay_token: z.string().min(1),
});
export type OrangeTransactionStatusBody = z.infer<typeof OrangeTransactionStatusBodySchema>;

export const ORANGE_STATUSES = ["INITIATED", "PENDING", "EXPIRED", "SUCCESS", "FAILED"] as const;
export type OrangeStatus = (typeof ORANGE_STATUSES)[number];

/**
 * Failure reasons of our mock. Real Orange gives no reason with a FAILED status; the mock adds
 * one so that sandbox payments fail with a meaningful reason.
 */
export type OrangeMockReason = "INSUFFICIENT_BALANCE" | "CANCELLED_BY_PAYER";

export const OrangeTransactionStatusSchema = z.object({
  status: z.enum(ORANGE_STATUSES),
  order_id: z.string().nullish(),
  txnid: z.string().nullish(),
  reason: z.string().nullish(),
});
export type OrangeTransactionStatus = z.infer<typeof OrangeTransactionStatusSchema>;

/** What Orange POSTs to notif_url. Only a hint: confirm with transactionstatus before acting. */
export const OrangeNotificationSchema = z.object({
  status: z.enum(["SUCCESS", "FAILED"]),
  notif_token: z.string().min(1),
  txnid: z.string().nullish(),
});
export type OrangeNotification = z.infer<typeof OrangeNotificationSchema>;
