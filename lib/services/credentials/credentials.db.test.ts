import { describe, expect, it } from "vitest";
import { hashSecret, splitApiKey } from "@/lib/crypto/api-keys";
import { getDb } from "@/lib/db/client";
import { createMerchant } from "@/lib/testing/factories";
import { authenticateApiKey } from "./authenticate-api-key";
import { createCredential } from "./create-credential";
import { listCredentials } from "./list-credentials";
import { revokeCredential } from "./revoke-credential";
import { rejection } from "@/lib/testing/rejection";

const VIEW_KEYS = ["createdAt", "id", "keyId", "lastUsedAt", "mode", "name", "revokedAt", "scopes", "secretLast4"];

describe("createCredential", () => {
  it("hands out the full key once and stores only its id, the secret's hash and last four characters", async () => {
    const scope = await createMerchant();
    const { credential, apiKey } = await createCredential(scope, {
      name: "  Boutique website ",
      mode: "LIVE",
      scopes: ["payment_links", "e-commerce", "payment_links"],
    });
    const key = splitApiKey(apiKey)!;
    expect(key.keyId).toMatch(/^pk_live_/);
    expect(key.secret).toMatch(/^sk_live_/);
    expect(Object.keys(credential).sort()).toEqual(VIEW_KEYS);
    expect(credential).toMatchObject({
      name: "Boutique website",
      keyId: key.keyId,
      secretLast4: key.secret.slice(-4),
      scopes: ["payment_links", "e-commerce"],
      mode: "LIVE",
      lastUsedAt: null,
      revokedAt: null,
    });

    const stored = await getDb().apiCredential.findUniqueOrThrow({ where: { id: credential.id } });
    expect(stored.merchantId).toBe(scope.merchantId);
    expect(stored.secretHash).toBe(hashSecret(key.secret));
    expect(JSON.stringify(stored)).not.toContain(key.secret);

    // The key works where keys are checked.
    expect(await authenticateApiKey(key.keyId, key.secret)).toMatchObject({ id: credential.id, merchantId: scope.merchantId });
  });

  it("defaults to SANDBOX and refuses bad input with the field named, storing nothing", async () => {
    const scope = await createMerchant();
    expect((await createCredential(scope, { name: "Test", scopes: ["payment_links"] })).credential.mode).toBe("SANDBOX");
    const cases: [Parameters<typeof createCredential>[1], string][] = [
      [{ name: "   ", scopes: ["payment_links"] }, "name"],
      [{ name: "x".repeat(101), scopes: ["payment_links"] }, "name"],
      [{ name: "Shop", scopes: [] }, "scopes"],
      [{ name: "Shop", scopes: ["admin" as "payment_links"] }, "scopes.0"],
      [{ name: "Shop", mode: "PROD" as "LIVE", scopes: ["payment_links"] }, "mode"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(createCredential(scope, input));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.field).toBe(field);
    }
    expect(await getDb().apiCredential.count({ where: { merchantId: scope.merchantId } })).toBe(1);
  });
});

describe("listCredentials", () => {
  it("lists the merchant's own keys, newest first, revoked ones included, never a hash", async () => {
    const scope = await createMerchant();
    const other = await createMerchant();
    await createCredential(other, { name: "Theirs", scopes: ["payment_links"] });
    const first = await createCredential(scope, { name: "First", scopes: ["payment_links"] });
    await getDb().apiCredential.update({ where: { id: first.credential.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    const second = await createCredential(scope, { name: "Second", mode: "LIVE", scopes: ["e-commerce"] });
    await revokeCredential(scope, first.credential.id);

    const list = await listCredentials(scope);
    expect(list.map((c) => c.name)).toEqual(["Second", "First"]);
    expect(list[0]).toEqual(second.credential);
    expect(list[1]!.revokedAt).toBeInstanceOf(Date);
    for (const credential of list) expect(Object.keys(credential).sort()).toEqual(VIEW_KEYS);
  });
});

describe("revokeCredential", () => {
  it("stops the key from authenticating, and revoking again keeps the first time", async () => {
    const scope = await createMerchant();
    const { credential, apiKey } = await createCredential(scope, { name: "Shop", scopes: ["payment_links"] });
    const key = splitApiKey(apiKey)!;
    const firstTime = new Date(Date.now() - 1000);
    expect((await revokeCredential(scope, credential.id, firstTime)).revokedAt).toEqual(firstTime);
    expect((await revokeCredential(scope, credential.id)).revokedAt).toEqual(firstTime);
    expect((await rejection(authenticateApiKey(key.keyId, key.secret))).code).toBe("UNAUTHENTICATED");
  });

  it("treats another merchant's key and a malformed id as NOT_FOUND and changes nothing", async () => {
    const scope = await createMerchant();
    const other = await createMerchant();
    const theirs = await createCredential(other, { name: "Theirs", scopes: ["payment_links"] });
    for (const id of [theirs.credential.id, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const error = await rejection(revokeCredential(scope, id));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("API credential not found");
    }
    expect((await getDb().apiCredential.findUniqueOrThrow({ where: { id: theirs.credential.id } })).revokedAt).toBeNull();
  });
});
