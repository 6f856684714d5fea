import type { Sender } from "./types";

/** Placeholder: being written. */
export const smsSender: Sender = async () => ({ ok: false, retry: true, error: "the sms sender is not built yet" });
