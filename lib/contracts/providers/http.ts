/**
 * Wrapper of the routes that providers call (MTN callback, Orange notification): they answer
 * small JSON bodies; the provider only needs the status code. Errors never leak detail.
 */
import { isAppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/contracts/http/read-json-body";
import type { Refresh } from "@/lib/services/payments/refresh-payment";

const STATUS = { NOT_FOUND: 404, UNAUTHENTICATED: 401, VALIDATION: 400 } as const;

export function providerRoute(handler: (paymentId: string, body: unknown) => Promise<Refresh>) {
  return async (request: Request): Promise<Response> => {
    try {
      const paymentId = new URL(request.url).searchParams.get("payment") ?? "";
      const body = await readJsonBody(request, { optional: true });
      const refresh = await handler(paymentId, body);
      return Response.json({ received: true, outcome: refresh.outcome });
    } catch (error) {
      if (isAppError(error) && error.code in STATUS) {
        return Response.json({ error: error.message }, { status: STATUS[error.code as keyof typeof STATUS] });
      }
      console.error("Provider callback failed", error);
      return Response.json({ error: "Internal server error" }, { status: 500 });
    }
  };
}
