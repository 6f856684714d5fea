/**
 * Sylius requests -> domain input: the OAuth token request (RFC 6749 §4.3, §4.4, §6), integer
 * ids from the path, and the collection's page and sorting.
 */
import { AppError, AppErrorCode, notFound, type AppErrorDetails } from "@/lib/errors";
import type { IssueAccessTokenInput } from "@/lib/services/access-tokens/issue-access-token";
import type { ListNumberedPaymentsInput } from "@/lib/services/payments/numbered-payments";
import { PAYMENT_SORT_FIELDS, type PaymentSort, type PaymentSortField } from "@/lib/services/payments/payment-sort";
import { CHANNEL, paymentMethodOfCode, type SyliusPaymentMethodEntry } from "./catalog";
import { GRANT_TYPES, type PaymentsQuery, type TokenParams } from "./schemas";

/** Lifetime of the access tokens this contract hands out, in seconds. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

const REQUIRED: Readonly<Record<(typeof GRANT_TYPES)[number], readonly (keyof TokenParams)[]>> = {
  password: ["client_id", "client_secret", "username", "password"],
  client_credentials: ["client_id", "client_secret"],
  refresh_token: ["refresh_token"],
};

function oauthError(oauth: NonNullable<AppErrorDetails["oauthError"]>, message: string, field?: string): AppError {
  return new AppError(AppErrorCode.VALIDATION, message, { oauthError: oauth, ...(field ? { field } : {}) });
}

/**
 * The token request's parameters (from the body, or the query of a GET) as the grant to check.
 * The client may also authenticate with HTTP Basic (RFC 6749 §2.3.1) instead of client_id and
 * client_secret. Empty parameters count as missing.
 */
export function toIssueTokenInput(params: TokenParams, request: Request): IssueAccessTokenInput {
  const present = (values: Partial<TokenParams>) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ""));
  const given: TokenParams = { ...present(basicClient(request)), ...present(params) };
  const grant = given.grant_type;
  if (!grant) throw oauthError("invalid_request", "Missing required parameter: grant_type", "grant_type");
  if (!(GRANT_TYPES as readonly string[]).includes(grant)) {
    throw oauthError("unsupported_grant_type", `Unsupported grant_type "${grant}": use ${GRANT_TYPES.join(", ")}`, "grant_type");
  }
  const missing = REQUIRED[grant as (typeof GRANT_TYPES)[number]].filter((name) => given[name] === undefined);
  if (missing.length) {
    throw oauthError("invalid_request", `Missing required parameter${missing.length > 1 ? "s" : ""} for grant_type=${grant}: ${missing.join(", ")}`, missing[0]);
  }
  const ttlSeconds = ACCESS_TOKEN_TTL_SECONDS;
  switch (grant) {
    case "password":
      return { grant, clientId: given.client_id!, clientSecret: given.client_secret!, username: given.username!, password: given.password!, ttlSeconds };
    case "client_credentials":
      return { grant, clientId: given.client_id!, clientSecret: given.client_secret!, ttlSeconds, withRefreshToken: true };
    default:
      return { grant: "refresh_token", refreshToken: given.refresh_token!, clientId: given.client_id, clientSecret: given.client_secret, ttlSeconds };
  }
}

/** `Authorization: Basic base64(client_id:client_secret)`, when the client sends its credentials so. */
function basicClient(request: Request): Partial<TokenParams> {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) return {};
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return {};
  const unescape = (text: string) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, " "));
    } catch {
      return text;
    }
  };
  return { client_id: unescape(decoded.slice(0, colon)), client_secret: unescape(decoded.slice(colon + 1)) };
}

/** An integer id from the path (`/api/v1/payments/20`); anything else names nothing (404). */
export function toNumber(id: string, resource: "payment" | "payment_link"): number {
  if (!/^\d{1,10}$/.test(id)) throw notFound(resource);
  return Number(id);
}

/** The collection's page and sorting; sorting keys apply in the order the query gives them. */
export function toListPaymentsInput(query: PaymentsQuery, url: URL): ListNumberedPaymentsInput & { sort: PaymentSort[] } {
  const order = [...url.searchParams.keys()].flatMap((key) => {
    const field = /^sorting\[([^\]]*)\]$/.exec(key)?.[1];
    return field && (PAYMENT_SORT_FIELDS as readonly string[]).includes(field) ? [field as PaymentSortField] : [];
  });
  const sort = [...new Set(order)].flatMap((field): PaymentSort[] => {
    const direction = query[`sorting[${field}]`];
    return direction ? [{ field, direction: direction === "DESC" ? "desc" : "asc" }] : [];
  });
  return { page: query.page ?? 1, limit: query.limit ?? 10, sort };
}

/** A payment method's code -> the catalogue's entry (our provider); any other code is a 404. */
export function toPaymentMethod(code: string): SyliusPaymentMethodEntry {
  const method = paymentMethodOfCode(code);
  if (!method) throw new AppError(AppErrorCode.NOT_FOUND, "Payment method not found");
  return method;
}

/** The one channel's code; any other is a 404. */
export function toChannel(code: string): typeof CHANNEL {
  if (code !== CHANNEL.code) throw new AppError(AppErrorCode.NOT_FOUND, "Channel not found");
  return CHANNEL;
}
