import "server-only";
import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/crypto/api-keys";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError, AppErrorCode, isAppError } from "@/lib/errors";
import { verifyCredentials } from "@/lib/services/accounts/verify-credentials";
import { authenticateApiKey, type AuthenticatedCredential } from "@/lib/services/credentials/authenticate-api-key";

/** Refresh tokens live 30 days; each use replaces it with a new one (rotation). */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

/** client_id / client_secret are an API credential's key id and secret. */
export type IssueAccessTokenInput =
  | { grant: "client_credentials"; clientId: string; clientSecret: string; ttlSeconds: number; withRefreshToken?: boolean }
  | { grant: "password"; clientId: string; clientSecret: string; username: string; password: string; ttlSeconds: number }
  | { grant: "refresh_token"; refreshToken: string; clientId?: string; clientSecret?: string; ttlSeconds: number };

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string | null;
  scopes: string[];
  /** What the access token will authenticate as (see authenticateAccessToken). */
  credential: AuthenticatedCredential;
}

/**
 * The OAuth 2.0 token endpoint of the bearer-token contracts (CM.com: client_credentials;
 * Sylius: password, refresh_token and client_credentials). Checks the grant, then stores the
 * hashes of a new access token (and refresh token) and hands out the raw tokens, once.
 * A password-grant token acts as the user (`user:<id>`), any other as the key (`api:<key id>`).
 * Failures are UNAUTHENTICATED with `oauthError` invalid_client (the client id/secret) or
 * invalid_grant (the user's password, the refresh token).
 */
export async function issueAccessToken(input: IssueAccessTokenInput, now: Date = new Date()): Promise<IssuedAccessToken> {
  switch (input.grant) {
    case "client_credentials": {
      const credential = await authenticateClient(input.clientId, input.clientSecret, now);
      return storeTokens(getDb(), credential, null, input.ttlSeconds, input.withRefreshToken ?? false, now);
    }
    case "password": {
      const credential = await authenticateClient(input.clientId, input.clientSecret, now);
      const user = await verifyCredentials(input.username, input.password, now);
      if (!user || user.merchantId !== credential.merchantId) {
        throw oauthError("invalid_grant", "Invalid username and password combination");
      }
      return storeTokens(getDb(), { ...credential, actor: `user:${user.userId}` }, user.userId, input.ttlSeconds, true, now);
    }
    case "refresh_token":
      return refresh(input, now);
  }
}

/**
 * Rotation: the refresh token is revoked as the new pair is stored, in one transaction, and
 * claimed with a conditional update so that of two concurrent uses only one succeeds.
 */
async function refresh(input: Extract<IssueAccessTokenInput, { grant: "refresh_token" }>, now: Date): Promise<IssuedAccessToken> {
  const db = getDb();
  const client =
    input.clientId !== undefined || input.clientSecret !== undefined
      ? await authenticateClient(input.clientId ?? "", input.clientSecret ?? "", now)
      : null;
  const token = await db.accessToken.findUnique({
    where: { tokenHash: hashSecret(input.refreshToken) },
    include: { credential: { select: { keyId: true, merchantId: true, mode: true, revokedAt: true } } },
  });
  const invalid = () => oauthError("invalid_grant", "Invalid refresh token");
  if (!token || token.kind !== "REFRESH" || token.revokedAt || token.expiresAt <= now || token.credential.revokedAt) throw invalid();
  if (client && client.id !== token.credentialId) throw invalid();
  const credential: AuthenticatedCredential = {
    id: token.credentialId,
    keyId: token.credential.keyId,
    merchantId: token.credential.merchantId,
    mode: token.credential.mode,
    scopes: token.scopes,
    actor: token.userId ? `user:${token.userId}` : `api:${token.credential.keyId}`,
  };
  return db.$transaction(async (tx) => {
    const used = await tx.accessToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
    if (used.count !== 1) throw invalid();
    return storeTokens(tx, credential, token.userId, input.ttlSeconds, true, now);
  });
}

async function authenticateClient(clientId: string, clientSecret: string, now: Date): Promise<AuthenticatedCredential> {
  try {
    return await authenticateApiKey(clientId, clientSecret, now);
  } catch (error) {
    if (isAppError(error) && error.code === AppErrorCode.UNAUTHENTICATED) {
      throw oauthError("invalid_client", "Invalid client credentials");
    }
    throw error;
  }
}

async function storeTokens(
  db: Prisma.TransactionClient,
  credential: AuthenticatedCredential,
  userId: string | null,
  ttlSeconds: number,
  withRefreshToken: boolean,
  now: Date,
): Promise<IssuedAccessToken> {
  const accessToken = newToken("at_");
  const refreshToken = withRefreshToken ? newToken("rt_") : null;
  const row = (kind: "ACCESS" | "REFRESH", token: string, seconds: number) => ({
    credentialId: credential.id,
    merchantId: credential.merchantId,
    userId,
    kind,
    tokenHash: hashSecret(token),
    scopes: credential.scopes,
    expiresAt: new Date(now.getTime() + seconds * 1000),
  });
  await db.accessToken.createMany({
    data: [row("ACCESS", accessToken, ttlSeconds), ...(refreshToken ? [row("REFRESH", refreshToken, REFRESH_TOKEN_TTL_SECONDS)] : [])],
  });
  return { accessToken, expiresIn: ttlSeconds, refreshToken, scopes: credential.scopes, credential };
}

/** 256 random bits, so a fast hash is enough to store it. */
function newToken(prefix: "at_" | "rt_"): string {
  return prefix + randomBytes(32).toString("base64url");
}

function oauthError(code: "invalid_client" | "invalid_grant", message: string): AppError {
  return new AppError(AppErrorCode.UNAUTHENTICATED, message, { oauthError: code });
}
