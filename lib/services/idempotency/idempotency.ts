/**
 * Idempotency-Key support: the first request with a key runs and its response is stored; a
 * retry with the same key and request gets that response again without a second effect; the
 * same key with another request is a conflict. Keys are scoped (per credential) and kept 24 h.
 * The claim is an INSERT ... ON CONFLICT DO NOTHING, so two concurrent requests with one key
 * cannot both run: the second waits for the first's response.
 */
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { AppError, AppErrorCode, validationError } from "@/lib/errors";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 100;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim = { kind: "claimed"; id: string } | { kind: "replay"; response: StoredResponse };

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest("hex");
}

export function assertIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw validationError("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
  }
}

export async function claimIdempotencyKey(scope: string, key: string, fingerprint: string, now: Date = new Date()): Promise<Claim> {
  assertIdempotencyKey(key);
  const db = getDb();
  // Keys older than 24 hours are forgotten: sweep them now and then, from any instance.
  if (Math.random() < 0.01) await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    // An expired key is forgotten: delete it so that it can be claimed again.
    await db.idempotencyKey.deleteMany({ where: { scope, key, expiresAt: { lte: now } } });
    const inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO idempotency_keys (id, scope, key, request_hash, state, created_at, expires_at)
      VALUES (gen_random_uuid(), ${scope}, ${key}, ${fingerprint}, 'IN_PROGRESS', ${now}, ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)})
      ON CONFLICT (scope, key) DO NOTHING
      RETURNING id`;
    if (inserted.length > 0) return { kind: "claimed", id: inserted[0]!.id };

    const existing = await db.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
    if (!existing) continue; // deleted between the two statements: claim again
    if (existing.requestHash !== fingerprint) {
      throw new AppError(
        AppErrorCode.CONFLICT,
        `Idempotency-Key "${key}" was already used with a different request; use a new key for a new request`,
        { field: "Idempotency-Key" },
      );
    }
    if (existing.state === "COMPLETED") {
      return { kind: "replay", response: { status: existing.responseStatus!, body: existing.responseBody } };
    }
    if (Date.now() > deadline) {
      throw new AppError(AppErrorCode.CONFLICT, `A request with Idempotency-Key "${key}" is still in progress; retry later`, {
        field: "Idempotency-Key",
      });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function completeIdempotencyKey(id: string, response: StoredResponse): Promise<void> {
  await getDb().idempotencyKey.update({
    where: { id },
    data: { state: "COMPLETED", responseStatus: response.status, responseBody: response.body as Prisma.InputJsonValue },
  });
}

/** The request failed in a way that must not be replayed (a server error): free the key. */
export async function releaseIdempotencyKey(id: string): Promise<void> {
  await getDb().idempotencyKey.deleteMany({ where: { id, state: "IN_PROGRESS" } });
}
