import { describe, expect, it } from "vitest";
import { generateApiKey, hashSecret, secretMatches, splitApiKey } from "./api-keys";
import { currentScryptParams, hashPassword, needsRehash, verifyPassword } from "./password";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    const { N } = currentScryptParams();
    expect(hash.startsWith(`scrypt$${N}$8$1$`)).toBe(true);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });
  it("hashes at OWASP's scrypt cost (N = 2^17, r = 8, p = 1) unless a test lowers it", () => {
    expect(currentScryptParams({})).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(currentScryptParams({ NODE_ENV: "production" })).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    // The test setting counts only in tests: a production server ignores it.
    expect(currentScryptParams({ NODE_ENV: "production", PASSWORD_SCRYPT_LOG2_N: "10" }).N).toBe(2 ** 17);
    expect(currentScryptParams({ NODE_ENV: "development", PASSWORD_SCRYPT_LOG2_N: "10" }).N).toBe(2 ** 17);
    expect(currentScryptParams({ NODE_ENV: "test", PASSWORD_SCRYPT_LOG2_N: "10" }).N).toBe(2 ** 10);
    expect(currentScryptParams({ NODE_ENV: "test", PASSWORD_SCRYPT_LOG2_N: "3" }).N).toBe(2 ** 17);
  });
  it("computes the default cost for real (128 MiB of scrypt memory is allowed)", async () => {
    const saved = process.env.PASSWORD_SCRYPT_LOG2_N;
    delete process.env.PASSWORD_SCRYPT_LOG2_N;
    try {
      const hash = await hashPassword("correct horse battery");
      expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[^$]+\$[^$]+$/);
      expect(await verifyPassword("correct horse battery", hash)).toBe(true);
      expect(needsRehash(hash)).toBe(false);
    } finally {
      if (saved !== undefined) process.env.PASSWORD_SCRYPT_LOG2_N = saved;
    }
  });
  it("still verifies hashes made with older parameters, and says they need a new hash", async () => {
    // Made by the previous version (N = 2^15) for "demo-password".
    const old = "scrypt$32768$8$1$pVRjLmWNP6Dt7x9OV8Wk2w==$" + (await legacyHash("demo-password", "pVRjLmWNP6Dt7x9OV8Wk2w=="));
    expect(await verifyPassword("demo-password", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword("demo-password"))).toBe(false);
    expect(needsRehash("not-a-hash")).toBe(true);
  });
  it("refuses stored hashes it should not compute (absurd cost, bad shape)", async () => {
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$c2FsdA==$aGFzaA==")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$c2FsdA==$aGFzaA==")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1024$8$1$c2FsdA==$aGFzaA==$extra")).toBe(false);
  });
});

/** scrypt as the previous version computed it (N = 2^15, 64 MiB). */
async function legacyHash(password: string, salt: string): Promise<string> {
  const { scryptSync } = await import("node:crypto");
  return scryptSync(password.normalize("NFKC"), Buffer.from(salt, "base64"), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString("base64");
}

describe("API keys", () => {
  it("generates mode-tagged keys whose secret matches only its own hash", () => {
    const key = generateApiKey("LIVE");
    expect(key.keyId).toMatch(/^pk_live_/);
    expect(key.secret).toMatch(/^sk_live_.{32}$/);
    expect(secretMatches(key.secret, hashSecret(key.secret))).toBe(true);
    expect(secretMatches(key.secret + "x", hashSecret(key.secret))).toBe(false);
    expect(secretMatches(key.secret, "00")).toBe(false);
  });
  it("splits <key id>.<secret> at the first dot", () => {
    expect(splitApiKey("pk_test_a.sk_test_b.c")).toEqual({ keyId: "pk_test_a", secret: "sk_test_b.c" });
    expect(splitApiKey("nodot")).toBeNull();
    expect(splitApiKey(".secret")).toBeNull();
    expect(splitApiKey("key.")).toBeNull();
  });
});
