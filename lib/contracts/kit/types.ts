/**
 * The vocabulary of the contract kit. A contract (a published API such as Instanvi or CM.com)
 * is declared once with `defineContract`; each of its operations once with `operation(...)`;
 * a route file binds an operation to a handler that parses, calls the domain and shapes.
 */
import type { z } from "zod";
import type { AppErrorCode, AppErrorDetails } from "@/lib/errors";
import type { SecurityScheme } from "@/lib/openapi/types";
import type { AuthenticatedCredential } from "@/lib/services/credentials/authenticate-api-key";
import type { RateLimitState } from "@/lib/services/rate-limit/consume-rate-limit";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What every reply may set, whatever the contract's own reply looks like. */
export interface ReplyBase {
  /** 200 unless said otherwise (201 on create, 204 with no body, ...). */
  status?: number;
  headers?: Record<string, string>;
}

/** An error as a contract renders it: the domain's error, already mapped and renamed. */
export interface ContractError {
  status: number;
  code: AppErrorCode | "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "INTERNAL";
  message: string;
  /** The contract's name of the offending field, if one is to blame. */
  field?: string;
  /** Every problem found in the input, when the contract reports them all. */
  issues?: { field: string; message: string }[];
  reason?: AppErrorDetails["reason"];
  /** What was not found (payment_link, payment, order, ...), for contracts that name it their way. */
  resource?: AppErrorDetails["resource"];
  oauthError?: AppErrorDetails["oauthError"];
}

/** Produces the credential a request carries, or throws UNAUTHENTICATED. */
export interface AuthStrategy {
  /** Name of the security scheme in the OpenAPI document. */
  schemeName: string;
  scheme: SecurityScheme;
  /** What a 401 means with this strategy, for the OpenAPI document. */
  refusal: string;
  authenticate(request: Request): Promise<AuthenticatedCredential>;
}

export interface RateLimitPolicy {
  /** Part of the counter's name and what the header renderer sees, e.g. "minutely". */
  name: string;
  limit: () => number;
  windowSeconds: () => number;
}

export interface RateLimitOutcome {
  policy: RateLimitPolicy;
  state: RateLimitState;
}

export interface ContractDefinition<R extends ReplyBase> {
  /** Short name, used for counters and logs: "instanvi". */
  name: string;
  /** The tag of its operations in the OpenAPI document. */
  tag: { name: string; description: string };
  /**
   * Path prefixes this contract owns: an unknown path or method under them answers in this
   * contract's envelope. The longest prefix of any contract wins.
   */
  owns: string[];
  /** How its authenticated operations authenticate, and the scope the credential needs. */
  auth?: { strategy: AuthStrategy; scope?: string };
  /** Counted per credential on authenticated operations, per client IP on public ones and failed logins. */
  rateLimits?: { credential: RateLimitPolicy[]; ip: RateLimitPolicy[] };
  rateLimitHeaders?: (outcomes: RateLimitOutcome[]) => Record<string, string>;
  /** Documentation of those headers for the OpenAPI document. */
  rateLimitHeaderDocs?: Record<string, { description: string; schema: { type: string } }>;
  /** The one table of this contract's statuses by domain error code. */
  statusByCode: Readonly<Record<AppErrorCode, number>>;
  /** Domain field name -> this contract's name for it (e.g. expires_at -> expiry_date). */
  fieldNames?: Readonly<Record<string, string>>;
  /** This contract's wording of a domain error, when it has its own (undefined: the domain's). */
  reword?: (error: ContractError) => string | undefined;
  /** The body of a success (undefined: no body, e.g. 204). */
  renderSuccess(reply: R, status: number): unknown;
  renderError: (error: ContractError) => unknown;
  /** The zod schema of `renderError`'s output, for the OpenAPI document. */
  errorSchema: z.ZodType;
}

export interface BodySpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** How it is sent: a JSON object (default), a urlencoded form, or either. */
  format?: "json" | "form" | "json-or-form";
  /** An empty body is an empty object. */
  optional?: boolean;
}

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
}

export interface OperationSpec<Path extends string = string> {
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/payment-links/{slug}; path parameters are read from it. */
  path: Path;
  operationId: string;
  summary: string;
  description?: string;
  /**
   * "credential": the contract's auth (default); "public": none; "session": a signed-in
   * dashboard user (its merchant); or a strategy of its own.
   */
  auth?: "credential" | "public" | "session" | { strategy: AuthStrategy; scope?: string };
  /** Descriptions of the path parameters (and a schema when they are not plain strings). */
  params?: z.ZodObject;
  paramDocs?: Record<string, string>;
  query?: z.ZodType;
  body?: BodySpec;
  headers?: { name: string; description: string; required?: boolean }[];
  /** Honour Idempotency-Key (operations that create or pay). */
  idempotent?: boolean;
  /** Successes; the contract's errors are added from `errors`. */
  responses: Record<number, ResponseDoc>;
  /** The errors this operation can answer, status -> description. */
  errors?: Record<number, string>;
  /** Renders this operation's errors differently from the contract (an OAuth token endpoint). */
  renderError?: (error: ContractError) => unknown;
  errorSchema?: z.ZodType;
}

/** `/a/{id}/b/{ref}` -> `{ id: string; ref: string }` */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name | keyof PathParams<Rest>]: string }
  : Record<never, string>;

/** The reply of contracts whose success is a plain JSON body (or none: 204). */
export interface JsonReply extends ReplyBase {
  body?: unknown;
}
