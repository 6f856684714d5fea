import { randomBytes, randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomBase62(length: number): string {
  // Rejection-free: randomInt is uniform over the alphabet.
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Public slug of a link: `pay_` + 16 base62 characters (95 bits), unguessable. */
export function newSlug(): string {
  return "pay_" + randomBase62(16);
}

/** Short code for /p/<code> in SMS and QR codes: 8 base62 characters. */
export function newShortCode(): string {
  return randomBase62(8);
}

/** Our transaction id for a payment: `pl_<slug>_<unix ms>_<random>`, unique and sortable by time. */
export function newTransactionId(slug: string, now: Date = new Date()): string {
  return `pl_${slug}_${now.getTime()}_${randomBytes(5).toString("hex")}`;
}
