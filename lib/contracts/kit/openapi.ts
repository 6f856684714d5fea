import type { ApiOperation, ApiSurface } from "@/lib/openapi/types";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import type { Contract } from "./define";
import { templateParams } from "./path-template";
import type { OperationSpec, ReplyBase } from "./types";

const SESSION_SCHEME = { type: "apiKey", in: "header", name: "Cookie", description: "The dashboard's session cookie (sign in at /signin)" } as const;

/** A contract and its declared operations as a surface of the OpenAPI document. */
export function toApiSurface(contract: Contract<ReplyBase>): ApiSurface {
  const headers = Object.keys(contract.rateLimitHeaderDocs ?? {});
  const schemes = [contract.auth?.strategy, ...contract.operations.map((op) => (typeof op.auth === "object" ? op.auth.strategy : undefined))];
  return {
    tag: contract.tag,
    securitySchemes: {
      ...Object.fromEntries(schemes.flatMap((s) => (s ? [[s.schemeName, s.scheme]] : []))),
      ...(contract.operations.some((op) => op.auth === "session") ? { dashboardSession: SESSION_SCHEME } : {}),
    },
    headers: contract.rateLimitHeaderDocs,
    operations: contract.operations.map((op) => toApiOperation(contract, op, headers)),
  };
}

function toApiOperation(contract: Contract<ReplyBase>, op: OperationSpec, rateHeaders: string[]): ApiOperation {
  const security =
    op.auth === "public" ? null : op.auth === "session" ? "dashboardSession" : typeof op.auth === "object" ? op.auth.strategy.schemeName : (contract.auth?.strategy.schemeName ?? null);
  const errorSchema = op.errorSchema ?? contract.errorSchema;
  const counted = op.auth !== "session" && contract.rateLimits ? rateHeaders : undefined;
  const responses: ApiOperation["responses"] = {};
  for (const [status, doc] of Object.entries(op.responses)) responses[Number(status)] = { ...doc, headers: counted };
  for (const [status, description] of Object.entries({ ...derivedErrors(contract, op), ...op.errors })) {
    responses[Number(status)] = { description, schema: errorSchema, headers: counted };
  }
  return {
    method: op.method.toLowerCase() as ApiOperation["method"],
    path: op.path,
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tag: contract.tag.name,
    security,
    pathParams: templateParams(op.path).map((name) => ({ name, description: op.paramDocs?.[name] ?? name })),
    query: op.query as ApiOperation["query"],
    headers: op.headers,
    body: op.body?.schema,
    bodyMediaTypes:
      op.body?.format === "form"
        ? ["application/x-www-form-urlencoded"]
        : op.body?.format === "json-or-form"
          ? ["application/json", "application/x-www-form-urlencoded"]
          : undefined,
    responses,
  };
}

/**
 * The errors every operation has by its declaration: 401 and 403 from its auth, 429 from the
 * contract's limits, and the 503 of every operation when the database cannot answer.
 */
function derivedErrors(contract: Contract<ReplyBase>, op: OperationSpec): Record<number, string> {
  const auth = op.auth === "public" || op.auth === "session" ? undefined : typeof op.auth === "object" ? op.auth : contract.auth;
  const errors: Record<number, string> = {};
  if (auth) errors[401] = auth.strategy.refusal;
  if (auth?.scope) errors[403] = `The API key lacks the "${auth.scope}" scope`;
  if (contract.rateLimits && op.auth !== "session") {
    errors[429] = "Too many requests (per API key, or per client address before authentication); Retry-After says when to try again";
  }
  errors[503] = `The service is briefly unavailable (its database does not answer); nothing was done. Retry after the Retry-After seconds (${UNAVAILABLE_RETRY_AFTER_SECONDS})`;
  return errors;
}
