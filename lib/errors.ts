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
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export type GoneReason = "PAID" | "CANCELLED" | "EXPIRED" | "EXHAUSTED" | "UNAVAILABLE";

export interface AppErrorDetails {
  field?: string;
  reason?: GoneReason;
  resource?: string;
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

/** The wording is Instanvi's, which its contract requires word for word. */
export const GONE_MESSAGES: Readonly<Record<GoneReason, string>> = {
  PAID: "Payment link has already been paid",
  CANCELLED: "Payment link has been cancelled",
  EXPIRED: "Payment link has expired",
  EXHAUSTED: "Payment link has reached maximum uses",
  UNAVAILABLE: "Payment link is no longer available",
};

export const gone = (reason: GoneReason) => new AppError(AppErrorCode.GONE, GONE_MESSAGES[reason], { reason });

export const invalidState = (message: string) => new AppError(AppErrorCode.INVALID_STATE, message);
