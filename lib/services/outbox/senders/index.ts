import type { OutboxChannel } from "../enqueue-message";
import { callbackSender } from "./callback";
import { emailSender } from "./email";
import { smsSender } from "./sms";
import type { Sender } from "./types";
import { webhookSender } from "./webhook";

/** The sender of each channel; the exhaustive switch makes a new channel a compile error until handled. */
export function senderFor(channel: OutboxChannel): Sender {
  switch (channel) {
    case "WEBHOOK":
      return webhookSender;
    case "CALLBACK":
      return callbackSender;
    case "EMAIL":
      return emailSender;
    case "SMS":
      return smsSender;
    default: {
      const unhandled: never = channel;
      throw new Error(`no sender for ${String(unhandled)}`);
    }
  }
}
