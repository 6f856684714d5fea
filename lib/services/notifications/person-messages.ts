import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecordedEvent } from "./publish-event";

/** Placeholder: being written. */
export async function personMessagesFor(_tx: Prisma.TransactionClient, _event: RecordedEvent): Promise<void> {}
