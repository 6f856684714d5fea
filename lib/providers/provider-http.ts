/**
 * The one place where provider calls meet the network: every call has a deadline, and transport
 * failures, HTTP statuses and malformed answers become the interface's three error kinds with a
 * message that says what to check.
 */
import type { z } from "zod";
import { describeIssues } from "./describe-issues";
import type { ProviderError, Result } from "./interface";
import { fail, ok } from "./result";

/** How messages name a provider and the setting that points at it. */
export interface ProviderLabel {
  name: string;
  baseUrlVariable: string;
}

export interface HttpCall {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpReply {
  status: number;
  /** The parsed JSON; the raw text when it is not JSON; null when empty. */
  body: unknown;
}

/**
 * A connection cut after it was established: the request may have reached the provider, so the
 * outcome is as unknown as after a timeout, and must be reconciled rather than failed.
 */
const CUT_MID_REQUEST = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/**
 * Sends one request; the deadline covers reading the answer too. Only transport failures are
 * errors here: the caller judges the status, since a 401 may deserve a retry with a new token.
 */
export async function sendHttp(label: ProviderLabel, call: HttpCall): Promise<Result<HttpReply>> {
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    return ok({ status: response.status, body: parseBody(await response.text()) });
  } catch (error) {
    const what = `${call.method} ${new URL(call.url).pathname}`;
    if (error instanceof Error && error.name === "TimeoutError") {
      return fail("timeout", `${label.name} did not answer ${what} within ${call.timeoutMs} ms (PROVIDER_TIMEOUT_MS)`);
    }
    const cause = transportCause(error);
    if (CUT_MID_REQUEST.has(cause)) {
      return fail("timeout", `${label.name} cut the connection during ${what} before answering (${cause})`);
    }
    return fail(
      "unavailable",
      `${label.name} is unreachable at ${new URL(call.url).origin} (${cause}); check ${label.baseUrlVariable} ` +
        "and that the provider, or the mock (npx tsx scripts/mock-providers.ts), is running",
    );
  }
}

/** A 2xx answer parsed with the schema; anything else as the matching error. */
export function readReply<T>(label: ProviderLabel, what: string, reply: HttpReply, schema: z.ZodType<T>): Result<T> {
  if (reply.status < 200 || reply.status > 299) return { ok: false, error: replyError(label, what, reply) };
  const parsed = schema.safeParse(reply.body);
  if (parsed.success) return ok(parsed.data);
  // A success we cannot read is the provider misbehaving (or a wrong base URL): not the
  // request's fault, so "unavailable" rather than "rejected".
  return fail(
    "unavailable",
    `${label.name} answered ${what} with an unexpected body (${describeIssues(parsed.error)}); ` +
      `check that ${label.baseUrlVariable} points at the right service`,
  );
}

/** 5xx: the provider is failing ("unavailable"); 4xx: it refused the request ("rejected"). */
function replyError(label: ProviderLabel, what: string, reply: HttpReply): ProviderError {
  const detail = describeBody(reply.body);
  const answered = `${label.name} answered ${what} with HTTP ${reply.status}${detail ? ` (${detail})` : ""}`;
  return reply.status >= 500
    ? { kind: "unavailable", message: `${answered}; the provider is failing, try again later` }
    : { kind: "rejected", message: `${answered}; the same request will be refused again` };
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The providers' error bodies: MTN {code, message}, Orange {code, message, description}, OAuth {error, error_description}. */
function describeBody(body: unknown): string {
  if (typeof body === "string") return body.slice(0, 200);
  if (typeof body !== "object" || body === null) return "";
  const fields = body as Record<string, unknown>;
  return ["code", "error", "message", "description", "error_description"]
    .map((key) => fields[key])
    .filter((value) => typeof value === "string" || typeof value === "number")
    .join(": ");
}

/** undici reports "fetch failed" and hides the reason (ECONNREFUSED, ENOTFOUND...) in `cause`. */
function transportCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return error.message;
}
