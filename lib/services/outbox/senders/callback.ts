import type { Sender } from "./types";

/** Placeholder: being written. */
export const callbackSender: Sender = async () => ({ ok: false, retry: true, error: "the callback sender is not built yet" });
