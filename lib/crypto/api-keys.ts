import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Mode } from "@/lib/domain/links/enums";

/**
 * API keys are `<key id>.<secret>`. The key id is public and indexed; the secret is random
 * (192 bits), so a SHA-256 of it is stored and compared in constant time.
 */
export interface GeneratedKey {
  keyId: string;
  secret: string;
}

export function generateApiKey(mode: Mode): GeneratedKey {
  const prefix = mode === "LIVE" ? "live" : "test";
  return {
    keyId: `pk_${prefix}_${randomBytes(9).toString("base64url")}`,
    secret: `sk_${prefix}_${randomBytes(24).toString("base64url")}`,
  };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Splits `x-api-key: <key id>.<secret>`; null when it is not of that shape. */
export function splitApiKey(value: string): GeneratedKey | null {
  const dot = value.indexOf(".");
  if (dot <= 0 || dot === value.length - 1) return null;
  return { keyId: value.slice(0, dot), secret: value.slice(dot + 1) };
}
