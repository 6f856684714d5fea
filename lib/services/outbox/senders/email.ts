import type { Sender } from "./types";

/** Placeholder: being written. */
export const emailSender: Sender = async () => ({ ok: false, retry: true, error: "the email sender is not built yet" });
