/**
 * The ways a contract's client proves who it is. Each strategy only reads its header(s) and
 * ends in the same checks (lib/services/credentials, lib/services/access-tokens); the kit
 * then checks the scope the operation needs.
 */
import { AppError, AppErrorCode } from "@/lib/errors";
import { splitApiKey } from "@/lib/crypto/api-keys";
import { authenticateAccessToken } from "@/lib/services/access-tokens/authenticate-access-token";
import { authenticateApiKey, type AuthenticatedCredential } from "@/lib/services/credentials/authenticate-api-key";
import type { AuthStrategy } from "./types";

const unauthenticated = (message: string) => new AppError(AppErrorCode.UNAUTHENTICATED, message);

/** `<header>: <key id>.<secret>` (Instanvi's x-api-key). */
export function apiKeyHeader(header: string, schemeName: string): AuthStrategy {
  return {
    schemeName,
    scheme: { type: "apiKey", in: "header", name: header, description: "`<key id>.<secret>` from the dashboard's Developers page" },
    refusal: `Missing, malformed, unknown or revoked ${header}`,
    async authenticate(request) {
      const value = request.headers.get(header);
      if (!value) throw unauthenticated(`Missing ${header} header`);
      const key = splitApiKey(value.trim());
      if (!key) throw unauthenticated("Invalid or inactive API key");
      return authenticateApiKey(key.keyId, key.secret);
    },
  };
}

/** HTTP Basic `<key id>:<secret>` (CycleSoftware). */
export function basicAuth(schemeName: string): AuthStrategy {
  return {
    schemeName,
    scheme: { type: "http", scheme: "basic", description: "HTTP Basic: the API key id as user name, its secret as password" },
    refusal: "No HTTP Basic credentials, malformed ones, or an unknown, revoked or wrong key id / secret",
    async authenticate(request) {
      const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(request.headers.get("authorization") ?? "");
      if (!match) throw unauthenticated("Authentication required: send HTTP Basic credentials (key id and secret)");
      const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon <= 0 || colon === decoded.length - 1) throw unauthenticated("Malformed HTTP Basic credentials: expected <key id>:<secret>");
      return authenticateApiKey(decoded.slice(0, colon), decoded.slice(colon + 1));
    },
  };
}

/**
 * A key id and a secret in two headers (Zeamster's `user-id` + `user-api-key`). Header names
 * are case-insensitive in HTTP (Headers already folds them); any other header, such as
 * Zeamster's `developer-id`, is accepted and ignored.
 */
export function headerPair(idHeader: string, secretHeader: string, schemeName: string): AuthStrategy {
  return {
    schemeName,
    scheme: { type: "apiKey", in: "header", name: secretHeader, description: `The API key id in \`${idHeader}\` and its secret in \`${secretHeader}\`` },
    refusal: `Missing ${idHeader} or ${secretHeader} header, or an unknown, wrong or revoked key`,
    async authenticate(request) {
      const keyId = request.headers.get(idHeader)?.trim();
      const secret = request.headers.get(secretHeader)?.trim();
      if (!keyId || !secret) throw unauthenticated(`Authentication required: send the ${idHeader} and ${secretHeader} headers`);
      return authenticateApiKey(keyId, secret);
    },
  };
}

/**
 * `Authorization: Bearer <access token>` from the contract's token endpoint (CM, Sylius).
 * `allowBare` also takes `Authorization: <token>`, which some CM clients send.
 */
export function bearerToken(schemeName: string, { allowBare = false } = {}): AuthStrategy {
  return {
    schemeName,
    scheme: { type: "http", scheme: "bearer", description: "An access token from this contract's token endpoint" },
    refusal: "No token, or a malformed, unknown, expired or revoked one (revoking the API key revokes its tokens)",
    async authenticate(request) {
      const header = request.headers.get("authorization")?.trim() ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const token = match ? match[1] : allowBare && /^\S+$/.test(header) && !/^bearer$/i.test(header) ? header : undefined;
      if (!token) throw unauthenticated("Authentication required: send Authorization: Bearer <access token>");
      return authenticateAccessToken(token);
    },
  };
}

/** The credential may call this operation only with the scope it needs (403 otherwise). */
export function requireScope(credential: AuthenticatedCredential, scope: string | undefined): void {
  if (scope && !credential.scopes.includes(scope)) {
    throw new AppError(AppErrorCode.FORBIDDEN, `This API key lacks the "${scope}" scope; create a key with it in the dashboard`);
  }
}
