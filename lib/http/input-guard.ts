import { validationError } from "@/lib/errors";

/** Deepest nesting of objects and arrays a request may send. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Refuses, before any schema or database sees it, input that no field of ours can hold:
 * a NUL character (PostgreSQL cannot store it in text), a lone surrogate (not Unicode), or
 * nesting deeper than MAX_INPUT_DEPTH. The error names the field where it was found.
 */
export function assertSafeInput(value: unknown, field = "body"): void {
  const stack: { value: unknown; field: string; depth: number }[] = [{ value, field, depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      assertSafeString(item.value, item.field);
    } else if (item.value && typeof item.value === "object") {
      if (item.depth >= MAX_INPUT_DEPTH) throw validationError(item.field, `${item.field} is nested too deeply (the limit is ${MAX_INPUT_DEPTH} levels)`);
      for (const [key, inner] of Object.entries(item.value)) {
        const child = Array.isArray(item.value) ? `${item.field}.${key}` : item.field === "body" ? key : `${item.field}.${key}`;
        assertSafeString(key, item.field);
        stack.push({ value: inner, field: child, depth: item.depth + 1 });
      }
    }
  }
}

export function assertSafeString(value: string, field: string): void {
  if (value.includes("\u0000")) throw validationError(field, `${field} must not contain a NUL character`);
  if (!value.isWellFormed()) throw validationError(field, `${field} is not valid Unicode text`);
}

/**
 * Decodes one percent-encoded path segment. Malformed encoding, a NUL, and the segments `.`
 * and `..` (path traversal) are refused with a VALIDATION error naming the parameter.
 */
export function decodePathSegment(raw: string, field: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw validationError(field, `${field} has malformed percent-encoding`);
  }
  return checkPathParam(decoded, field);
}

/** A decoded path parameter: the segments `.` and `..`, slashes (path traversal) and NULs are refused. */
export function checkPathParam(value: string, field: string): string {
  if (value === "." || value === ".." || value.includes("/") || value.includes("\\")) {
    throw validationError(field, `${field} must be a single path segment`);
  }
  assertSafeString(value, field);
  return value;
}
