import { randomBytes } from "node:crypto";

/** A fresh HMAC key for signed webhooks: `whsec_` + 32 random bytes, base64url (43 characters). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
