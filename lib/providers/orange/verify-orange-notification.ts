import { createHash, timingSafeEqual } from "node:crypto";
import { describeIssues } from "@/lib/providers/describe-issues";
import type { Result } from "@/lib/providers/interface";
import { fail, ok } from "@/lib/providers/result";
import { OrangeNotificationSchema, type OrangeNotification } from "./types";

/**
 * Orange signs nothing: a notification is authentic when it carries the notif_token that the
 * initiation returned for this payment. Even then it is only a hint; confirm with the status.
 */
export function verifyOrangeNotification(body: unknown, expectedNotifToken: string): Result<OrangeNotification> {
  const parsed = OrangeNotificationSchema.safeParse(body);
  if (!parsed.success) return fail("rejected", `Not an Orange Money notification: ${describeIssues(parsed.error)}`);
  if (!sameSecret(parsed.data.notif_token, expectedNotifToken)) {
    return fail("rejected", "The notification's notif_token is not the one Orange returned for this payment");
  }
  return ok(parsed.data);
}

/** Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the length. */
function sameSecret(received: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return expected.length > 0 && timingSafeEqual(digest(received), digest(expected));
}
