import { describe, expect, it } from "vitest";
import { generateApiKey, hashSecret, secretMatches, splitApiKey } from "./api-keys";
import { hashPassword, verifyPassword } from "./password";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });
});

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
