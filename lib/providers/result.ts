import type { ProviderError, ProviderErrorKind, Result } from "./interface";

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(kind: ProviderErrorKind, message: string): { ok: false; error: ProviderError } {
  return { ok: false, error: { kind, message } };
}
