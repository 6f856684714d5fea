import type { OutboxMessage } from "@/lib/generated/prisma/client";

/** What one attempt to deliver came to; the worker records it and decides what comes next. */
export type DeliveryResult =
  | { ok: true; statusCode?: number; latencyMs?: number; request?: unknown; response?: string; kept?: boolean }
  | {
      ok: false;
      /** false: never retry (a refused destination); true: retry with backoff. */
      retry: boolean;
      error: string;
      statusCode?: number;
      latencyMs?: number;
      request?: unknown;
      response?: string;
      /** The webhook endpoint asked not to be called again (410 Gone). */
      disableEndpoint?: boolean;
    };

/** Delivers one claimed message (or, for batched channels, several to one destination). */
export type Sender = (messages: OutboxMessage[]) => Promise<DeliveryResult>;
