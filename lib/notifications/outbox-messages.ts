/**
 * The merchant's messages to people (EMAIL and SMS in the outbox), as the dashboard's Outbox page
 * shows them: newest first, with what was rendered when they were written and how delivery went.
 * Webhooks and callbacks are not here (the Deliveries page has them).
 */
import { getDb, isUuid, type Prisma } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { readCursorPage, type CursorPage } from "@/lib/services/paging/cursor-page";
import type { KeyColumn } from "@/lib/services/paging/keyset";

export const PERSON_CHANNELS = ["EMAIL", "SMS"] as const;
export type PersonMessageChannel = (typeof PERSON_CHANNELS)[number];

export const PERSON_MESSAGE_STATUSES = ["PENDING", "SENDING", "SENT", "KEPT", "FAILED"] as const;
export type PersonMessageStatus = (typeof PERSON_MESSAGE_STATUSES)[number];

export interface PersonMessageSummary {
  id: string;
  channel: PersonMessageChannel;
  /** email.link, sms.link, email.receipt, email.merchant_payment */
  kind: string;
  to: string;
  /** The email's subject, or the SMS's first line. */
  summary: string;
  status: PersonMessageStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
}

export interface PersonMessageDetail extends PersonMessageSummary {
  subject: string | null;
  text: string;
  html: string | null;
  language: string | null;
  nextAttemptAt: Date;
  lastError: string | null;
  lastResponse: string | null;
  lastLatencyMs: number | null;
  eventId: string | null;
}

export type PersonMessagePage = CursorPage<PersonMessageSummary>;

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

function payloadOf(payload: unknown): Record<string, unknown> {
  return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find((line) => line.trim())?.trim() ?? "";
}

interface Row {
  id: string;
  channel: string;
  kind: string;
  destination: string;
  payload: unknown;
  status: string;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
}

function toSummary(row: Row): PersonMessageSummary {
  const payload = payloadOf(row.payload);
  const subject = str(payload.subject);
  return {
    id: row.id,
    channel: row.channel as PersonMessageChannel,
    kind: row.kind,
    to: str(payload.to) ?? row.destination,
    summary: subject ?? firstLine(str(payload.text) ?? ""),
    status: row.status as PersonMessageStatus,
    attempts: row.attempts,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

const SUMMARY_SELECT = {
  id: true,
  channel: true,
  kind: true,
  destination: true,
  payload: true,
  status: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
} as const;

/** The sign-up's emails (kinds "account.*", lib/services/accounts) are the product's, not the merchant's: not listed. */
const NOT_ACCOUNT_EMAILS = { NOT: { kind: { startsWith: "account." } } };

/** Newest first; the id breaks ties. */
const KEY: KeyColumn[] = [
  { field: "createdAt", direction: "desc", type: "date" },
  { field: "id", direction: "desc", type: "uuid" },
];

/**
 * One page of the merchant's emails and SMS, newest first, optionally of one channel or status,
 * by cursor (`after` a page's next, `before` its previous; a malformed one is a VALIDATION error).
 */
export async function listPersonMessages(
  scope: Pick<MerchantScope, "merchantId">,
  input: { limit?: number; after?: string; before?: string; channel?: PersonMessageChannel; status?: PersonMessageStatus } = {},
): Promise<PersonMessagePage> {
  const limit = Number.isInteger(input.limit) && input.limit! > 0 && input.limit! <= 100 ? input.limit! : 20;
  const where = {
    merchantId: scope.merchantId,
    channel: input.channel ? input.channel : { in: [...PERSON_CHANNELS] },
    ...NOT_ACCOUNT_EMAILS,
    ...(input.status ? { status: input.status } : {}),
  };
  const db = getDb();
  const page = await readCursorPage(
    {
      columns: KEY,
      where,
      findMany: (args) => db.outboxMessage.findMany({ ...(args as Prisma.OutboxMessageFindManyArgs), select: SUMMARY_SELECT }),
      count: (args) => db.outboxMessage.count(args as Prisma.OutboxMessageCountArgs),
    },
    { limit, after: input.after, before: input.before },
  );
  return { ...page, items: page.items.map(toSummary) };
}

/** One email or SMS of the merchant, or null (unknown, another merchant's, or not an email/SMS). */
export async function getPersonMessage(scope: Pick<MerchantScope, "merchantId">, id: string): Promise<PersonMessageDetail | null> {
  if (!isUuid(id)) return null;
  const row = await getDb().outboxMessage.findFirst({
    where: { id, merchantId: scope.merchantId, channel: { in: [...PERSON_CHANNELS] }, ...NOT_ACCOUNT_EMAILS },
    select: { ...SUMMARY_SELECT, nextAttemptAt: true, lastError: true, lastResponse: true, lastLatencyMs: true, eventId: true },
  });
  if (!row) return null;
  const payload = payloadOf(row.payload);
  return {
    ...toSummary(row),
    subject: str(payload.subject),
    text: str(payload.text) ?? "",
    html: str(payload.html),
    language: str(payload.language),
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    lastResponse: row.lastResponse,
    lastLatencyMs: row.lastLatencyMs,
    eventId: row.eventId,
  };
}
