import type { Prisma, WebhookEndpoint } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/db/client";
import { endpointNotFound } from "./errors";

/** One of the merchant's endpoints; an unknown, foreign or malformed id is NOT_FOUND. */
export async function findEndpointOrThrow(db: Prisma.TransactionClient, merchantId: string, id: string): Promise<WebhookEndpoint> {
  if (!isUuid(id)) throw endpointNotFound();
  const row = await db.webhookEndpoint.findFirst({ where: { id, merchantId } });
  if (!row) throw endpointNotFound();
  return row;
}
