/**
 * Typed errors the domain throws. No HTTP here: each contract's adapter maps the code (and the
 * reason or field) into its own status and envelope, in one table per contract.
 */
export const AppErrorCode = {
  /** Bad input; `field` names the offending field (snake_case, as the APIs spell it). */
  VALIDATION: "VALIDATION",
  /** Unknown id, or an id that belongs to another merchant (never told apart). */
  NOT_FOUND: "NOT_FOUND",
  /** The link can no longer be paid; `reason` says why. */
  GONE: "GONE",
  /** The request is valid but the resource's state forbids it (edit a PAID link). */
  INVALID_STATE: "INVALID_STATE",
  /** The request clashes with another one (an idempotency key reused with another body). */
  CONFLICT: "CONFLICT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  RATE_LIMITED: "RATE_LIMITED",
  /** The payment provider could not be reached or refused the initiation. */
  PROVIDER_UNAVAILABLE: "PROVIDER_UNAVAILABLE",
  /** The product cannot answer now (its database is unreachable); the same request may work in a moment. */
  UNAVAILABLE: "UNAVAILABLE",
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/** INACTIVE: deactivated by the merchant (CM `active: false`, Zeamster `active: 0`); unlike CANCELLED it can come back. */
export type GoneReason = "PAID" | "CANCELLED" | "EXPIRED" | "EXHAUSTED" | "UNAVAILABLE" | "INACTIVE";

export interface AppErrorDetails {
  field?: string;
  reason?: GoneReason;
  resource?: string;
  /** Every problem found in the input (the first one is also in `field` and the message). */
  issues?: { field: string; message: string }[];
  /** The OAuth 2.0 error code (RFC 6749 §5.2) for the token endpoint of the bearer-token contracts. */
  oauthError?: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const validationError = (field: string, message: string) =>
  new AppError(AppErrorCode.VALIDATION, message, { field });

export const notFound = (resource: "payment_link" | "payment" | "merchant" | "credential" | "order") =>
  new AppError(AppErrorCode.NOT_FOUND, `${RESOURCE_NAMES[resource]} not found`, { resource });

const RESOURCE_NAMES = {
  payment_link: "Payment link",
  payment: "Payment",
  merchant: "Merchant",
  credential: "API credential",
  order: "Order",
} as const;

/** The domain's plain wording; contracts with words of their own reword it (see lib/contracts). */
const GONE_TEXT: Readonly<Record<GoneReason, string>> = {
  PAID: "The payment link is paid",
  CANCELLED: "The payment link is cancelled",
  EXPIRED: "The payment link has expired",
  EXHAUSTED: "Every use of the payment link is taken",
  UNAVAILABLE: "The payment link cannot be paid now",
  INACTIVE: "The payment link is deactivated",
};

export const gone = (reason: GoneReason) => new AppError(AppErrorCode.GONE, GONE_TEXT[reason], { reason });

export const invalidState = (message: string) => new AppError(AppErrorCode.INVALID_STATE, message);

/** How long a client should wait before trying again after UNAVAILABLE (the Retry-After of a 503). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export const unavailable = () =>
  new AppError(AppErrorCode.UNAVAILABLE, "The service is briefly unavailable: please try again in a few seconds");
