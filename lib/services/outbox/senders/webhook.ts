import type { Sender } from "./types";

/** Placeholder: being written. */
export const webhookSender: Sender = async () => ({ ok: false, retry: true, error: "the webhook sender is not built yet" });
