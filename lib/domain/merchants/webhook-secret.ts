import { randomBytes } from "node:crypto";

/**
 * Webhook signing secrets, as Standard Webhooks writes them: `whsec_` + the base64 of the HMAC
 * key. Every Standard Webhooks library (the `standardwebhooks` npm package, Svix, the Python and
 * Go ones) takes the secret in that form, strips `whsec_` and base64-decodes the rest.
 */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** How long the secret before a rotation keeps signing (as a second signature). */
export const PREVIOUS_SECRET_VALIDITY_MS = 24 * 60 * 60 * 1000;

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** 32 base64 characters: a 24-byte key, with no padding. */
const SECRET_CHARACTERS = 32;

/**
 * A fresh secret: `whsec_` + 32 base64 characters, i.e. a 24-byte HMAC key. The characters are
 * drawn from the alphanumeric part of the base64 alphabet only (~190 bits of entropy), so the
 * secret reads the same in base64 and base64url, never needs padding, and survives copy and
 * paste, URLs and shells.
 */
export function newWebhookSecret(): string {
  let out = "";
  while (out.length < SECRET_CHARACTERS) {
    for (const byte of randomBytes(SECRET_CHARACTERS)) {
      // 248 = 4 x 62: bytes above it would make some characters likelier than others.
      if (byte < 248 && out.length < SECRET_CHARACTERS) out += ALPHANUMERIC[byte % 62];
    }
  }
  return `${WEBHOOK_SECRET_PREFIX}${out}`;
}

/**
 * The HMAC key of a secret: the base64 after `whsec_`. Older secrets (the seed's, sign-ups before
 * this format) were written in base64url, which is read the same way (`-` is `+`, `_` is `/`,
 * padding optional), so they keep signing with the same key. Text that is not base64 at all is
 * used as its UTF-8 bytes.
 */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const standard = encoded.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (standard.length > 0 && /^[A-Za-z0-9+/]*$/.test(standard) && standard.length % 4 !== 1) {
    return Buffer.from(standard, "base64");
  }
  return Buffer.from(encoded, "utf8");
}

/**
 * The secret as the merchant should copy it: `whsec_` + the standard, padded base64 of its key.
 * The same key, so the same signatures; but every Standard Webhooks library accepts this form,
 * while strict base64 decoders (the `standardwebhooks` package, Python's) refuse base64url's
 * `-` and `_`. A secret already in that form is returned unchanged.
 */
export function displayWebhookSecret(secret: string): string {
  return `${WEBHOOK_SECRET_PREFIX}${webhookSecretKey(secret).toString("base64")}`;
}

/** When a secret rotated at `rotatedAt` stops signing. */
export function previousSecretExpiry(rotatedAt: Date): Date {
  return new Date(rotatedAt.getTime() + PREVIOUS_SECRET_VALIDITY_MS);
}

/** The secrets that sign at `now`: the current one, and the previous one until it expires. */
export function signingSecrets(
  merchant: { webhookSecret: string; previousWebhookSecret: string | null; previousWebhookSecretExpiresAt: Date | null },
  now: Date = new Date(),
): string[] {
  const { webhookSecret, previousWebhookSecret, previousWebhookSecretExpiresAt } = merchant;
  const previousValid = previousWebhookSecret && previousWebhookSecretExpiresAt && previousWebhookSecretExpiresAt.getTime() > now.getTime();
  return previousValid ? [webhookSecret, previousWebhookSecret] : [webhookSecret];
}
