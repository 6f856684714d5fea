/**
 * Answers for requests that no operation serves, in the envelope of the contract that owns the
 * path: 405 with `Allow` when the path is served with other methods, 404 otherwise, 400 when the
 * path itself is malformed (bad percent-encoding, a NUL).
 */
import { AppError, AppErrorCode, validationError } from "@/lib/errors";
import { assertSafeString } from "@/lib/http/input-guard";
import type { Contract } from "./define";
import { toContractError } from "./map-error";
import { matchesTemplate } from "./path-template";
import { respond } from "./route";
import type { ReplyBase } from "./types";

type AnyContract = Contract<ReplyBase>;

/** The contract whose longest `owns` prefix starts the path, if any. */
export function ownerOf(contracts: AnyContract[], pathname: string): AnyContract | undefined {
  let best: { contract: AnyContract; length: number } | undefined;
  for (const contract of contracts) {
    for (const prefix of contract.owns) {
      const owns = pathname.startsWith(prefix) || pathname === prefix.replace(/\/$/, "");
      if (owns && (!best || prefix.length > best.length)) best = { contract, length: prefix.length };
    }
  }
  return best?.contract;
}

/** Methods served at this path by any contract (HEAD and OPTIONS aside); empty when none. */
export function allowedMethods(contracts: AnyContract[], pathname: string): string[] {
  const methods = contracts.flatMap((c) => c.operations.filter((op) => matchesTemplate(op.path, pathname)).map((op) => op.method));
  return [...new Set(methods)];
}

/**
 * The answer for a request no operation serves, or null to let it through.
 * Before routing (the proxy): only a malformed path (400) and an unserved method (405) are
 * answered; after the router found no route (the catch-all), anything else is a 404.
 */
export function answerUnserved(contracts: AnyContract[], request: Request, { unknownPath = false } = {}): Response | null {
  const pathname = new URL(request.url).pathname;
  const owner = ownerOf(contracts, pathname);
  if (!owner) return null;
  const fail = (error: AppError, headers: Record<string, string> = {}) => {
    const mapped = toContractError(owner, error);
    return respond({ status: mapped.status, body: owner.renderError(mapped) }, new Headers({ "Cache-Control": "no-store", ...headers }));
  };
  try {
    assertSafePath(pathname);
  } catch (error) {
    return fail(error as AppError);
  }
  const allowed = allowedMethods(contracts, pathname);
  if (allowed.length && !allowed.includes(request.method) && request.method !== "HEAD" && request.method !== "OPTIONS") {
    const error = new AppError(AppErrorCode.VALIDATION, `Method ${request.method} is not allowed here; use ${allowed.join(" or ")}`);
    const mapped = { ...toContractError(owner, error), status: 405, code: "METHOD_NOT_ALLOWED" as const };
    return respond({ status: 405, body: owner.renderError(mapped) }, new Headers({ "Cache-Control": "no-store", Allow: allowed.join(", ") }));
  }
  if (unknownPath) {
    const mapped = { status: 404, code: "ROUTE_NOT_FOUND" as const, message: `Route not found: ${request.method} ${pathname}` };
    return respond({ status: 404, body: owner.renderError(mapped) }, new Headers({ "Cache-Control": "no-store" }));
  }
  return null;
}

/** Every segment of the raw path decodes to text without a NUL. */
function assertSafePath(pathname: string): void {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw validationError("path", "The path has malformed percent-encoding");
    }
    assertSafeString(decoded, "path");
  }
}
