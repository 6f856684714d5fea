import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppErrorCode, isAppError, unavailable, type AppError } from "@/lib/errors";
import type { ContractDefinition, ContractError, ReplyBase } from "./types";

/**
 * The one place where an error becomes a contract's error: the status from the contract's
 * table, the field renamed to the contract's name for it (in the message too), the contract's
 * own wording where it has one. A database that cannot answer now is UNAVAILABLE (a 503 the
 * client may retry). Anything else that is not a domain error is logged and becomes a 500 that
 * says nothing of the inside.
 */
export function toContractError(contract: ContractDefinition<ReplyBase>, thrown: unknown): ContractError {
  let error: AppError;
  if (isAppError(thrown)) {
    error = thrown;
  } else if (isDatabaseUnavailable(thrown)) {
    console.warn(`${contract.name} API: the database cannot answer (${thrown instanceof Error ? thrown.message.trim().split("\n").pop() : String(thrown)})`);
    error = unavailable();
  } else {
    console.error(`Unexpected error in the ${contract.name} API`, thrown);
    return { status: 500, code: "INTERNAL", message: "Internal server error" };
  }
  const rename = (field: string) => contract.fieldNames?.[field] ?? field;
  const domainField = error.details.field;
  const field = domainField === undefined ? undefined : rename(domainField);
  // RFC 6749 §5.2: only a client that failed to authenticate is a 401; a refused grant or a bad request is a 400.
  const oauthClientError = error.details.oauthError && error.details.oauthError !== "invalid_client";
  const mapped: ContractError = {
    status: oauthClientError ? 400 : contract.statusByCode[error.code],
    code: error.code,
    message: domainField ? renameIn(error.message, domainField, field!) : error.message,
    ...(field !== undefined ? { field } : {}),
    ...(error.details.issues ? { issues: error.details.issues.map((issue) => ({ field: rename(issue.field), message: renameIn(issue.message, issue.field, rename(issue.field)) })) } : {}),
    ...(error.details.reason ? { reason: error.details.reason } : {}),
    ...(error.details.resource ? { resource: error.details.resource } : {}),
    ...(error.details.oauthError ? { oauthError: error.details.oauthError } : {}),
  };
  return { ...mapped, message: contract.reword?.(mapped) ?? mapped.message };
}

function renameIn(message: string, from: string, to: string): string {
  // Only the field's name at the start ("currency must be ..."), not the same word later on.
  return from === to ? message : message.replace(new RegExp(`^${escape(from)}\\b`), to);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A status table in which every domain error code has a status (each contract starts from it). */
export const DEFAULT_STATUS_BY_CODE: Readonly<Record<AppErrorCode, number>> = {
  [AppErrorCode.VALIDATION]: 400,
  [AppErrorCode.NOT_FOUND]: 404,
  [AppErrorCode.GONE]: 410,
  [AppErrorCode.INVALID_STATE]: 400,
  [AppErrorCode.CONFLICT]: 409,
  [AppErrorCode.UNAUTHENTICATED]: 401,
  [AppErrorCode.FORBIDDEN]: 403,
  [AppErrorCode.RATE_LIMITED]: 429,
  [AppErrorCode.PROVIDER_UNAVAILABLE]: 502,
  [AppErrorCode.UNAVAILABLE]: 503,
};
