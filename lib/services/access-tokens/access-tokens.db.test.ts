import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/crypto/api-keys";
import { getDb } from "@/lib/db/client";
import { signUp } from "@/lib/services/accounts/sign-up";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { createMerchant } from "@/lib/testing/factories";
import { createApiKey } from "@/lib/testing/http";
import { rejection } from "@/lib/testing/rejection";
import { authenticateAccessToken } from "./authenticate-access-token";
import { issueAccessToken, REFRESH_TOKEN_TTL_SECONDS } from "./issue-access-token";
import { revokeAccessTokensOfCredential } from "./revoke-access-tokens";

const PASSWORD = "correct horse battery";
const TTL = 3600;
const TOKEN = /^(at|rt)_[A-Za-z0-9_-]{43}$/;

/** A merchant with a dashboard user and an API key. */
async function account(scopes = ["payment_links"]) {
  const email = `awa.${randomUUID()}@example.cm`;
  const user = await signUp({ businessName: "Boutique Akwa", email, password: PASSWORD });
  const key = await createApiKey(user.merchantId, "LIVE", scopes);
  return { ...key, email, userId: user.userId, merchantId: user.merchantId };
}
type Account = Awaited<ReturnType<typeof account>>;

function passwordGrant(key: Account, username = key.email, password = PASSWORD) {
  return issueAccessToken({ grant: "password", clientId: key.keyId, clientSecret: key.secret, username, password, ttlSeconds: TTL });
}

function clientCredentials(key: Account, ttlSeconds = TTL) {
  return issueAccessToken({ grant: "client_credentials", clientId: key.keyId, clientSecret: key.secret, ttlSeconds });
}

async function expectOAuthError(promise: Promise<unknown>, oauthError: string, message: string) {
  const error = await rejection(promise);
  expect(error.code).toBe("UNAUTHENTICATED");
  expect(error.details.oauthError).toBe(oauthError);
  expect(error.message).toBe(message);
}

async function expectRefused(accessToken: string, now?: Date) {
  const error = await rejection(authenticateAccessToken(accessToken, now));
  expect(error.code).toBe("UNAUTHENTICATED");
  expect(error.message).toBe("Invalid or expired access token");
}

describe("issueAccessToken: client_credentials", () => {
  it("issues an access token that authenticates as the key, with its scopes, stored only as a hash", async () => {
    const key = await account(["payment_links", "e-commerce"]);
    const before = Date.now();
    const issued = await clientCredentials(key);
    expect(issued.accessToken).toMatch(TOKEN);
    expect(issued.accessToken.startsWith("at_")).toBe(true);
    const credential = { id: key.credentialId, keyId: key.keyId, merchantId: key.merchantId, mode: "LIVE", scopes: ["payment_links", "e-commerce"], actor: `api:${key.keyId}` };
    expect(issued).toEqual({ accessToken: issued.accessToken, expiresIn: TTL, refreshToken: null, scopes: credential.scopes, credential });
    expect(await authenticateAccessToken(issued.accessToken)).toEqual(credential);

    const rows = await getDb().accessToken.findMany({ where: { credentialId: key.credentialId } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ kind: "ACCESS", merchantId: key.merchantId, userId: null, tokenHash: hashSecret(issued.accessToken), revokedAt: null });
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + TTL * 1000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + TTL * 1000);
    expect(JSON.stringify(row)).not.toContain(issued.accessToken);
    expect(JSON.stringify(row)).not.toContain(issued.accessToken.slice(3));
  });

  it("adds a refresh token on request, and a refresh token is no access token", async () => {
    const key = await account();
    const issued = await issueAccessToken({
      grant: "client_credentials",
      clientId: key.keyId,
      clientSecret: key.secret,
      ttlSeconds: TTL,
      withRefreshToken: true,
    });
    expect(issued.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
    await expectRefused(issued.refreshToken!);
    const stored = await getDb().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(issued.refreshToken!) } });
    expect(stored.kind).toBe("REFRESH");
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan((REFRESH_TOKEN_TTL_SECONDS - 60) * 1000);
    expect(JSON.stringify(stored)).not.toContain(issued.refreshToken!);
  });

  it("refuses a wrong secret, an unknown client and a revoked key as invalid_client, storing nothing", async () => {
    const key = await account();
    const revoked = await account();
    await revokeCredential({ merchantId: revoked.merchantId }, revoked.credentialId);
    const cases: [string, string][] = [
      [key.keyId, key.secret + "x"],
      [key.keyId, ""],
      ["pk_test_unknown", key.secret],
      [revoked.keyId, revoked.secret],
    ];
    for (const [clientId, clientSecret] of cases) {
      await expectOAuthError(
        issueAccessToken({ grant: "client_credentials", clientId, clientSecret, ttlSeconds: TTL }),
        "invalid_client",
        "Invalid client credentials",
      );
    }
    expect(await getDb().accessToken.count({ where: { credentialId: { in: [key.credentialId, revoked.credentialId] } } })).toBe(0);
  });
});

describe("issueAccessToken: password", () => {
  it("issues an access and a refresh token that act as the user", async () => {
    const key = await account();
    const issued = await passwordGrant(key, key.email.toUpperCase());
    expect(issued.refreshToken).toMatch(/^rt_/);
    expect(issued.credential).toMatchObject({ id: key.credentialId, actor: `user:${key.userId}` });
    expect(await authenticateAccessToken(issued.accessToken)).toEqual(issued.credential);
    const rows = await getDb().accessToken.findMany({ where: { credentialId: key.credentialId }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.userId])).toEqual([
      ["ACCESS", key.userId],
      ["REFRESH", key.userId],
    ]);
  });

  it("refuses a wrong password, an unknown user and another merchant's user as invalid_grant", async () => {
    const key = await account();
    const other = await account();
    const cases: [string, string][] = [
      [key.email, PASSWORD + "!"],
      [`nobody.${randomUUID()}@example.cm`, PASSWORD],
      [other.email, PASSWORD],
    ];
    for (const [username, password] of cases) {
      await expectOAuthError(passwordGrant(key, username, password), "invalid_grant", "Invalid username and password combination");
    }
    // The client is checked too: a bad secret is invalid_client even with a good password.
    await expectOAuthError(passwordGrant({ ...key, secret: "nope" }), "invalid_client", "Invalid client credentials");
    expect(await getDb().accessToken.count({ where: { credentialId: key.credentialId } })).toBe(0);
  });
});

describe("issueAccessToken: refresh_token", () => {
  it("rotates: a new pair for the same user and scopes, and the used refresh token is refused afterwards", async () => {
    const key = await account();
    const first = await passwordGrant(key);
    const second = await issueAccessToken({ grant: "refresh_token", refreshToken: first.refreshToken!, ttlSeconds: 600 });
    expect(second.expiresIn).toBe(600);
    expect(second.refreshToken).toMatch(/^rt_/);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.credential).toEqual(first.credential);
    expect(await authenticateAccessToken(second.accessToken)).toEqual(first.credential);

    await expectOAuthError(
      issueAccessToken({ grant: "refresh_token", refreshToken: first.refreshToken!, ttlSeconds: TTL }),
      "invalid_grant",
      "Invalid refresh token",
    );
    const old = await getDb().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(first.refreshToken!) } });
    expect(old.revokedAt).toBeInstanceOf(Date);

    // With the client's id and secret it works too.
    const third = await issueAccessToken({
      grant: "refresh_token",
      refreshToken: second.refreshToken!,
      clientId: key.keyId,
      clientSecret: key.secret,
      ttlSeconds: TTL,
    });
    expect(third.credential.actor).toBe(`user:${key.userId}`);
  });

  it("lets only one of two concurrent uses of a refresh token succeed", async () => {
    const key = await account();
    const { refreshToken } = await passwordGrant(key);
    const results = await Promise.allSettled(
      [1, 2].map(() => issueAccessToken({ grant: "refresh_token", refreshToken: refreshToken!, ttlSeconds: TTL })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await getDb().accessToken.count({ where: { credentialId: key.credentialId, kind: "REFRESH", revokedAt: null } })).toBe(1);
  });

  it("refuses unknown, expired and access tokens, and another client's refresh token, as invalid_grant", async () => {
    const key = await account();
    const other = await account();
    const issued = await passwordGrant(key);
    const refresh = (refreshToken: string, extra: object = {}, now?: Date) =>
      issueAccessToken({ grant: "refresh_token", refreshToken, ttlSeconds: TTL, ...extra }, now);

    await expectOAuthError(refresh("rt_unknown"), "invalid_grant", "Invalid refresh token");
    await expectOAuthError(refresh(issued.accessToken), "invalid_grant", "Invalid refresh token");
    const later = new Date(Date.now() + (REFRESH_TOKEN_TTL_SECONDS + 60) * 1000);
    await expectOAuthError(refresh(issued.refreshToken!, {}, later), "invalid_grant", "Invalid refresh token");
    await expectOAuthError(
      refresh(issued.refreshToken!, { clientId: other.keyId, clientSecret: other.secret }),
      "invalid_grant",
      "Invalid refresh token",
    );
    await expectOAuthError(
      refresh(issued.refreshToken!, { clientId: key.keyId, clientSecret: "wrong" }),
      "invalid_client",
      "Invalid client credentials",
    );
    // None of these used the refresh token up.
    expect((await refresh(issued.refreshToken!)).refreshToken).toMatch(/^rt_/);
  });
});

describe("authenticateAccessToken", () => {
  it("refuses an expired token and an unknown one", async () => {
    const key = await account();
    const issued = await clientCredentials(key, 60);
    const row = await getDb().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(issued.accessToken) } });
    expect((await authenticateAccessToken(issued.accessToken, new Date(row.expiresAt.getTime() - 1))).id).toBe(key.credentialId);
    await expectRefused(issued.accessToken, row.expiresAt);
    await expectRefused(issued.accessToken, new Date(Date.now() + 61_000));
    await expectRefused("at_unknown");
    await expectRefused("");
  });
});

describe("revoking", () => {
  it("revoking a credential revokes its tokens with it; another credential's tokens are untouched", async () => {
    const key = await account();
    const bystander = await createApiKey(key.merchantId);
    const byClient = await clientCredentials(key);
    const byUser = await passwordGrant(key);
    const theirs = await clientCredentials({ ...key, ...bystander });

    const at = new Date(Date.now() - 1000);
    await revokeCredential({ merchantId: key.merchantId }, key.credentialId, at);
    await expectRefused(byClient.accessToken);
    await expectRefused(byUser.accessToken);
    await expectOAuthError(
      issueAccessToken({ grant: "refresh_token", refreshToken: byUser.refreshToken!, ttlSeconds: TTL }),
      "invalid_grant",
      "Invalid refresh token",
    );
    const rows = await getDb().accessToken.findMany({ where: { credentialId: key.credentialId } });
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.revokedAt).toEqual(at);
    expect((await authenticateAccessToken(theirs.accessToken)).id).toBe(bystander.credentialId);
  });

  it("a credential revoked by another merchant's attempt keeps its tokens", async () => {
    const key = await account();
    const stranger = await createMerchant();
    const issued = await clientCredentials(key);
    expect((await rejection(revokeCredential(stranger, key.credentialId))).code).toBe("NOT_FOUND");
    expect((await authenticateAccessToken(issued.accessToken)).id).toBe(key.credentialId);
  });

  it("revokeAccessTokensOfCredential revokes live tokens only, keeping earlier revocation times", async () => {
    const key = await account();
    const first = await passwordGrant(key);
    await issueAccessToken({ grant: "refresh_token", refreshToken: first.refreshToken!, ttlSeconds: TTL });
    const rotatedAt = (await getDb().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(first.refreshToken!) } })).revokedAt;

    const now = new Date(Date.now() + 5000);
    expect(await revokeAccessTokensOfCredential(key.credentialId, now)).toBe(3);
    await expectRefused(first.accessToken);
    const old = await getDb().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(first.refreshToken!) } });
    expect(old.revokedAt).toEqual(rotatedAt);
    expect(await getDb().accessToken.count({ where: { credentialId: key.credentialId, revokedAt: now } })).toBe(3);
  });
});
