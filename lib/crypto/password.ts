import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Passwords are hashed with scrypt (memory-hard, built into Node): `scrypt$N$r$p$salt$hash`.
 * The parameters travel with the hash, so they can be raised without breaking logins: a hash made
 * with other parameters still verifies, and `needsRehash` says to store a new one (sign-in does).
 *
 * Cost: OWASP's password storage cheat sheet, N = 2^17, r = 8, p = 1 (128 MiB and ~0.4 s per hash
 * on one core here). Tests may lower N with PASSWORD_SCRYPT_LOG2_N, which counts only when
 * NODE_ENV is "test": nothing a production server reads can weaken it.
 */
export const OWASP_SCRYPT_LOG2_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** Hashes computed at once; each holds 128 × N × r bytes (128 MiB at the default), so a burst of sign-ins cannot exhaust memory. */
const MAX_CONCURRENT_HASHES = 2;
/** Stored hashes with a larger N are refused rather than computed (a forged hash cannot make us allocate gigabytes). */
const MAX_LOG2_N = 20;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The parameters new hashes are made with (read on every call, so tests can set the variable). */
export function currentScryptParams(env: Record<string, string | undefined> = process.env): ScryptParams {
  let log2N = OWASP_SCRYPT_LOG2_N;
  if (env.NODE_ENV === "test" && env.PASSWORD_SCRYPT_LOG2_N) {
    const asked = Number(env.PASSWORD_SCRYPT_LOG2_N);
    if (Number.isInteger(asked) && asked >= 10 && asked <= MAX_LOG2_N) log2N = asked;
  }
  return { N: 2 ** log2N, r: R, p: P };
}

/** Enough room for the largest N we accept (Node refuses when 128 × N × r exceeds maxmem). */
function options({ N, r, p }: ScryptParams): ScryptOptions {
  return { N, r, p, maxmem: 128 * N * r + 16 * 1024 * 1024 };
}

let running = 0;
const waiting: (() => void)[] = [];

async function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // A slot is taken here, or handed over by the hash that ends (so none is ever taken twice).
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options(params), (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const params = currentScryptParams();
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

function parse(stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (scheme !== "scrypt" || !salt || !hash || rest.length || !powerOfTwo || params.N > 2 ** MAX_LOG2_N) return null;
  if (!Number.isInteger(params.r) || !Number.isInteger(params.p) || params.r < 1 || params.p < 1 || params.r > 32 || params.p > 16) return null;
  return { ...params, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash was made with other parameters than new hashes are (then store a new one after a successful check). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  const current = currentScryptParams();
  return !parsed || parsed.N !== current.N || parsed.r !== current.r || parsed.p !== current.p;
}
