/**
 * CM.com requests -> domain input: the client-credentials token request, `pml-<uuid>` references
 * and payment-link bodies. Amounts arrive as major units of currency_code and are converted here
 * only, exactly (10.005 EUR is refused, never rounded).
 */
import type { z } from "zod";
import type { Mode } from "@/lib/domain/links/enums";
import type { CreateLinkInput } from "@/lib/domain/links/schemas";
import type { PaymentLink } from "@/lib/domain/links/types";
import { parseMajorAmount } from "@/lib/contracts/kit/amount";
import { notFound } from "@/lib/errors";
import { assertDeliverableUrl } from "@/lib/http/safe-url";
import type { IssueAccessTokenInput } from "@/lib/services/access-tokens/issue-access-token";
import type { UpdateLinkFieldsInput } from "@/lib/services/links/update-link";
import { toMajorString } from "@/lib/money";
import type { CmCreateRequest, CmUpdateRequest, tokenRequest } from "./schemas";

/** The document's defaults. */
export const CM_DEFAULT_CURRENCY = "EUR";
export const CM_DEFAULT_LANGUAGE = "en";
const DEFAULT_TOKEN_TTL_SECONDS = 86_400;

/** Lifetime of CM access tokens: CM_TOKEN_TTL_SECONDS, else 86400 as the document's example (read on every call). */
export function cmTokenTtlSeconds(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const configured = Number(env.CM_TOKEN_TTL_SECONDS);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_TOKEN_TTL_SECONDS;
}

export function toIssueTokenInput(body: z.output<typeof tokenRequest>): IssueAccessTokenInput {
  return { grant: "client_credentials", clientId: body.client_id, clientSecret: body.client_secret, ttlSeconds: cmTokenTtlSeconds() };
}

const REF = /^pml-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** `pml-<uuid>` -> our link id; anything else names no payment link (404). */
export function toLinkId(ref: string): string {
  const match = REF.exec(ref.trim());
  if (!match) throw notFound("payment_link");
  return match[1]!.toLowerCase();
}

export function toRef(linkId: string): string {
  return `pml-${linkId}`;
}

/** A callback URL the server will call: http(s), and not into our own network. */
function callbackUrl(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  assertDeliverableUrl(value, "callback_url", { requireHttps: false });
  return value.trim();
}

const lower = (value: string | null | undefined) => (value === undefined || value === null ? value : value.toLowerCase());
const upper = (value: string | null | undefined) => (value === undefined || value === null ? value : value.toUpperCase());

export function toCreateLinkInput(body: CmCreateRequest, mode: Mode): CreateLinkInput {
  const { amountMinor, currency } = parseMajorAmount(body.amount, body.currency_code ?? CM_DEFAULT_CURRENCY);
  return {
    amountMinor,
    currency,
    mode,
    maxUses: 1,
    merchantReference: body.merchant_reference,
    invoiceReference: body.invoice_reference,
    invoiceDueDate: body.invoice_due_date,
    expiresAt: body.expiry_date,
    language: lower(body.language_code) ?? CM_DEFAULT_LANGUAGE,
    country: upper(body.country_code),
    callbackUrl: callbackUrl(body.callback_url),
  };
}

/**
 * The changes of a PATCH. `amount` is in major units of `currency_code` when it is sent, else of
 * the link's currency; a new `currency_code` without `amount` keeps the amount's value in major
 * units (10 EUR -> 10 USD), refused when the new currency cannot hold it (10.5 EUR -> XAF).
 * `null` clears an optional field (a null language_code is the default, EN).
 */
export function toUpdateLinkInput(body: CmUpdateRequest, link: Pick<PaymentLink, "amountMinor" | "currency">): UpdateLinkFieldsInput {
  const money =
    body.amount !== undefined || body.currency_code !== undefined
      ? parseMajorAmount(body.amount ?? toMajorString(link.amountMinor, link.currency), body.currency_code ?? link.currency)
      : undefined;
  return {
    ...(money ? { amountMinor: money.amountMinor, currency: money.currency } : {}),
    merchantReference: body.merchant_reference,
    invoiceReference: body.invoice_reference,
    invoiceDueDate: body.invoice_due_date,
    expiresAt: body.expiry_date,
    language: body.language_code === null ? CM_DEFAULT_LANGUAGE : lower(body.language_code),
    country: upper(body.country_code),
    callbackUrl: callbackUrl(body.callback_url),
    active: body.active,
  };
}
