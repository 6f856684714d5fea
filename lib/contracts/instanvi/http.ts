/**
 * The Instanvi contract's one wrapper: API-key auth, per-credential / per-IP rate limits,
 * body parsing, Idempotency-Key, and the mapping of every error into Instanvi's envelope.
 * Route handlers only parse-call-shape and return `{status, message, data}`, or throw.
 */
import type { z } from "zod";
import { splitApiKey } from "@/lib/auth/api-keys";
import { rateLimitConfig } from "@/lib/config/limits";
import { clientIp, publicBaseUrl } from "@/lib/contracts/http/request-info";
import { readJsonBody } from "@/lib/contracts/http/read-json-body";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode, isAppError } from "@/lib/errors";
import { authenticateApiKey, type AuthenticatedCredential } from "@/lib/services/credentials/authenticate-api-key";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestFingerprint,
  type StoredResponse,
} from "@/lib/services/idempotency/idempotency";
import { consumeRateLimit, type RateLimitState } from "@/lib/services/rate-limit/consume-rate-limit";
import { envelope, errorEnvelope } from "./envelope";

/** One place maps domain error codes to this contract's HTTP statuses. */
const STATUS_BY_CODE: Readonly<Record<AppErrorCode, number>> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  GONE: 410,
  INVALID_STATE: 400,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  PROVIDER_UNAVAILABLE: 400,
};

export interface InstanviReply {
  status?: number;
  message: string;
  data: unknown;
}

interface Context<Body, Auth extends "api-key" | "public"> {
  request: Request;
  body: Body;
  query: URLSearchParams;
  credential: Auth extends "api-key" ? AuthenticatedCredential : null;
  baseUrl: string;
}

interface Options<S extends z.ZodType | undefined, Auth extends "api-key" | "public"> {
  auth: Auth;
  /** Strict schema of the JSON body; omit for requests without one. */
  body?: S;
  /** The body may be empty (e.g. cancel). */
  optionalBody?: boolean;
  /** Honour Idempotency-Key (POSTs that create or redeem). */
  idempotent?: boolean;
}

type BodyOf<S> = S extends z.ZodType ? z.output<S> : undefined;

export function withInstanvi<P extends Record<string, string>, S extends z.ZodType | undefined = undefined, Auth extends "api-key" | "public" = "api-key">(
  options: Options<S, Auth>,
  handler: (context: Context<BodyOf<S>, Auth>, params: P) => Promise<InstanviReply>,
) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    let rate: RateLimitState | undefined;
    let claimId: string | undefined;
    try {
      const limits = rateLimitConfig();
      let credential: AuthenticatedCredential | null = null;
      if (options.auth === "api-key") {
        try {
          credential = await authenticate(request);
        } catch (error) {
          // Failed logins count against the client's IP, so that keys cannot be guessed quickly.
          rate = await consumeRateLimit(`ip:${clientIp(request)}`, limits.perIp, limits.windowSeconds);
          throwIfExceeded(rate, limits.windowSeconds);
          throw error;
        }
        rate = await consumeRateLimit(`key:${credential.id}`, limits.perCredential, limits.windowSeconds);
      } else {
        rate = await consumeRateLimit(`ip:${clientIp(request)}`, limits.perIp, limits.windowSeconds);
      }
      throwIfExceeded(rate, limits.windowSeconds);

      const params = await route.params;
      const url = new URL(request.url);
      let body: unknown = undefined;
      if (options.body) {
        const raw = await readJsonBody(request, { optional: options.optionalBody });
        body = parseOrThrow(options.body, raw);
      }

      const idempotencyKey = options.idempotent ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null) {
        const scope = credential ? `key:${credential.id}` : `public:${url.pathname}`;
        const claim = await claimIdempotencyKey(scope, idempotencyKey, requestFingerprint(request.method, url.pathname, body));
        if (claim.kind === "replay") return respond(claim.response, rate, { "Idempotent-Replayed": "true" });
        claimId = claim.id;
      }

      const context = { request, body, query: url.searchParams, credential, baseUrl: publicBaseUrl(request) } as Context<BodyOf<S>, Auth>;
      const reply = await handler(context, params);
      const status = reply.status ?? 200;
      const response: StoredResponse = { status, body: envelope(status, reply.message, reply.data) };
      if (claimId) await completeIdempotencyKey(claimId, response);
      return respond(response, rate);
    } catch (error) {
      const response = toErrorResponse(error);
      if (claimId) {
        // A client error is the answer to that request and is replayed; a server error is not.
        if (response.status < 500) await completeIdempotencyKey(claimId, response).catch(() => undefined);
        else await releaseIdempotencyKey(claimId).catch(() => undefined);
      }
      const extra: Record<string, string> = {};
      if (response.status === 429 && rate) extra["Retry-After"] = String(Math.max(1, rate.reset - Math.floor(Date.now() / 1000)));
      return respond(response, rate, extra);
    }
  };
}

async function authenticate(request: Request): Promise<AuthenticatedCredential> {
  const header = request.headers.get("x-api-key");
  if (!header) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Missing x-api-key header");
  const key = splitApiKey(header.trim());
  if (!key) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Invalid or inactive API key");
  return authenticateApiKey(key.keyId, key.secret);
}

function throwIfExceeded(rate: RateLimitState, windowSeconds: number): void {
  if (!rate.allowed) {
    throw new AppError(AppErrorCode.RATE_LIMITED, `Rate limit exceeded: ${rate.limit} requests per ${windowSeconds} seconds`);
  }
}

function toErrorResponse(error: unknown): StoredResponse {
  if (isAppError(error)) {
    const status = STATUS_BY_CODE[error.code];
    const message = error.code === AppErrorCode.PROVIDER_UNAVAILABLE ? "Payment initialization failed" : error.message;
    return { status, body: errorEnvelope(status, message) };
  }
  console.error("Unexpected error in the Instanvi API", error);
  return { status: 500, body: errorEnvelope(500, "Internal server error") };
}

function respond(response: StoredResponse, rate: RateLimitState | undefined, extra: Record<string, string> = {}): Response {
  const headers = new Headers({ "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...extra });
  if (rate) {
    headers.set("X-RateLimit-Limit", String(rate.limit));
    headers.set("X-RateLimit-Remaining", String(rate.remaining));
    headers.set("X-RateLimit-Reset", String(rate.reset));
  }
  return new Response(JSON.stringify(response.body), { status: response.status, headers });
}
