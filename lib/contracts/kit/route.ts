/**
 * The one pipeline every contract's request goes through: path parameters, authentication and
 * scope, rate limits, query and body parsing, Idempotency-Key, the handler, and the one `catch`
 * that turns any error into the contract's envelope. Handlers only parse, call the domain, shape.
 */
import "server-only";
import type { MerchantScope } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode, UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { assertSafeInput, checkPathParam } from "@/lib/http/input-guard";
import { parseQuery } from "@/lib/http/query";
import { readFormBody, isFormContentType } from "@/lib/http/read-form-body";
import { readJsonBody } from "@/lib/http/read-json-body";
import { clientIp, publicBaseUrl } from "@/lib/http/request-info";
import type { AuthenticatedCredential } from "@/lib/services/credentials/authenticate-api-key";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestFingerprint,
  type StoredResponse,
} from "@/lib/services/idempotency/idempotency";
import { requireScope } from "./auth";
import type { DeclaredOperation, HandlerContext } from "./define";
import { toContractError } from "./map-error";
import { extractParams, templateParams } from "./path-template";
import { countRequest, retryAfterSeconds, throwIfExceeded } from "./rate-limit";
import type { BodySpec, ContractDefinition, ContractError, OperationSpec, RateLimitOutcome, ReplyBase } from "./types";

type RouteHandler = (request: Request, route?: unknown) => Promise<Response>;

/** Binds a declared operation to its handler: the result is the route file's export. */
export function route<R extends ReplyBase, Op extends OperationSpec>(
  declared: DeclaredOperation<R, Op>,
  /** Returns the contract's reply, or a finished Response for what is not JSON (a CSV file). */
  handler: (context: HandlerContext<Op>) => Promise<R | Response>,
): RouteHandler {
  const { contract, spec } = declared;
  return async (request, route) => {
    let outcomes: RateLimitOutcome[] = [];
    let claimId: string | undefined;
    try {
      const url = new URL(request.url);
      const ip = clientIp(request);
      const params = await pathParams(spec.path, url.pathname, route);

      let credential: AuthenticatedCredential | null = null;
      let session: MerchantScope | null = null;
      const auth = spec.auth === "public" || spec.auth === "session" ? null : spec.auth === undefined || spec.auth === "credential" ? contract.auth : spec.auth;
      if (spec.auth === "session") {
        // Loaded on use: next-auth needs the Next.js runtime, which the other operations do not.
        const { getApiMerchant } = await import("@/lib/auth/session");
        session = await getApiMerchant();
        if (!session) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Sign in to use the dashboard API");
      } else if (auth) {
        try {
          credential = await auth.strategy.authenticate(request);
        } catch (error) {
          // Failed logins count against the client's address, so that keys cannot be guessed quickly.
          outcomes = await countRequest(contract.name, contract.rateLimits?.ip ?? [], `ip:${ip}`);
          throwIfExceeded(outcomes);
          throw error;
        }
        outcomes = await countRequest(contract.name, contract.rateLimits?.credential ?? [], `key:${credential.id}`);
        throwIfExceeded(outcomes);
        requireScope(credential, auth.scope);
      } else {
        outcomes = await countRequest(contract.name, contract.rateLimits?.ip ?? [], `ip:${ip}`);
        throwIfExceeded(outcomes);
      }

      const context = {
        request,
        params: spec.params ? parseOrThrow(spec.params, params) : params,
        query: spec.query ? parseOrThrow(spec.query, guarded(parseQuery(url.searchParams), "query")) : {},
        body: spec.body ? parseOrThrow(spec.body.schema, guarded(await readBody(request, spec.body), "body")) : undefined,
        credential,
        session,
        baseUrl: publicBaseUrl(request),
        clientIp: ip,
      } as HandlerContext<Op>;

      const idempotencyKey = spec.idempotent ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null) {
        const scope = credential ? `key:${credential.id}` : `public:${url.pathname}`;
        const claim = await claimIdempotencyKey(scope, idempotencyKey, requestFingerprint(request.method, url.pathname, context.body));
        if (claim.kind === "replay") return respond(claim.response, headersOf(contract, outcomes, { "Idempotent-Replayed": "true" }));
        claimId = claim.id;
      }

      const reply = await handler(context);
      if (reply instanceof Response) return reply;
      const status = reply.status ?? 200;
      const response: StoredResponse = { status, body: contract.renderSuccess(reply, status) ?? null };
      if (claimId) await completeIdempotencyKey(claimId, response);
      return respond(response, headersOf(contract, outcomes, reply.headers));
    } catch (error) {
      const mapped = toContractError(contract, error);
      const response: StoredResponse = { status: mapped.status, body: renderError(contract, spec, mapped) };
      if (claimId) {
        // A client error is the answer to that request and is replayed; a server error is not.
        if (response.status < 500) await completeIdempotencyKey(claimId, response).catch(() => undefined);
        else await releaseIdempotencyKey(claimId).catch(() => undefined);
      }
      const retryAfter =
        mapped.status === 429 ? retryAfterSeconds(outcomes) : mapped.code === AppErrorCode.UNAVAILABLE ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined;
      return respond(response, headersOf(contract, outcomes, retryAfter ? { "Retry-After": String(retryAfter) } : {}));
    }
  };
}

/** An error in the operation's envelope (the contract's, unless the operation has its own). */
export function renderError(contract: ContractDefinition<ReplyBase>, spec: OperationSpec | undefined, error: ContractError): unknown {
  return (spec?.renderError ?? contract.renderError)(error);
}

/**
 * The operation's path parameters: the router's (by position: `[key]` may be a slug or an id)
 * when it gave them, else read from the raw path; either way checked for hostile text.
 */
async function pathParams(template: string, pathname: string, route: unknown): Promise<Record<string, string>> {
  const names = templateParams(template);
  const routed = route && typeof route === "object" && "params" in route ? await (route as { params: Promise<unknown> }).params : undefined;
  const values = routed && typeof routed === "object" ? Object.values(routed) : [];
  if (values.length === names.length && values.every((value) => typeof value === "string")) {
    return Object.fromEntries(names.map((name, index) => [name, checkPathParam(values[index] as string, name)]));
  }
  const extracted = extractParams(template, pathname);
  if (!extracted) throw new AppError(AppErrorCode.NOT_FOUND, `Route not found: ${pathname}`);
  return extracted;
}

function guarded<T>(value: T, field: string): T {
  assertSafeInput(value, field);
  return value;
}

async function readBody(request: Request, body: BodySpec): Promise<Record<string, unknown>> {
  const format = body.format ?? "json";
  const asForm = format === "form" || (format === "json-or-form" && isFormContentType(request.headers.get("content-type") ?? ""));
  return asForm ? readFormBody(request, { optional: body.optional }) : readJsonBody(request, { optional: body.optional });
}

function headersOf(contract: ContractDefinition<ReplyBase>, outcomes: RateLimitOutcome[], extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ "Cache-Control": "no-store", ...extra });
  if (outcomes.length && contract.rateLimitHeaders) {
    for (const [name, value] of Object.entries(contract.rateLimitHeaders(outcomes))) headers.set(name, value);
  }
  return headers;
}

/** A JSON answer, or no body at all when the contract renders none (204). */
export function respond(response: StoredResponse, headers: Headers): Response {
  if (response.body === null || response.body === undefined) return new Response(null, { status: response.status, headers });
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(response.body), { status: response.status, headers });
}
