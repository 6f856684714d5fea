/**
 * The dashboard's own JSON routes (read by react-query): a session is required (401 without),
 * domain errors map to statuses in one table, bodies are `{error, field?}`.
 */
import { getApiMerchant } from "@/lib/auth/session";
import type { MerchantScope } from "@/lib/domain/links/types";
import { type AppErrorCode, isAppError } from "@/lib/errors";

const STATUS: Readonly<Record<AppErrorCode, number>> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  GONE: 410,
  INVALID_STATE: 409,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  PROVIDER_UNAVAILABLE: 502,
};

export function withDashboard<P>(handler: (scope: MerchantScope, request: Request, params: P) => Promise<Response | unknown>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const scope = await getApiMerchant();
    if (!scope) return Response.json({ error: "Sign in to use the dashboard API" }, { status: 401 });
    try {
      const result = await handler(scope, request, await context.params);
      return result instanceof Response ? result : Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (isAppError(error)) {
        return Response.json({ error: error.message, field: error.details.field }, { status: STATUS[error.code] });
      }
      console.error("Unexpected error in the dashboard API", error);
      return Response.json({ error: "Internal server error" }, { status: 500 });
    }
  };
}
