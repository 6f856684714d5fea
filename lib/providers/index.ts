/**
 * Entry point for services: the client for a provider, plus what the notification routes need.
 * Services see only lib/providers/interface.ts shapes, never a provider's own words.
 */
import type { Provider } from "@/lib/domain/links/enums";
import { readMtnConfig, readOrangeConfig } from "./config";
import type { PaymentProviderClient } from "./interface";
import { MtnProvider } from "./mtn/mtn-provider";
import { OrangeProvider } from "./orange/orange-provider";

export { verifyOrangeNotification } from "./orange/verify-orange-notification";
export type { OrangeNotification } from "./orange/types";

/**
 * One client per provider and configuration, so the access token is reused across requests,
 * while a changed environment (tests starting the mocks on random ports) gets a fresh client.
 */
const clients = new Map<string, PaymentProviderClient>();

export function getProviderClient(provider: Provider): PaymentProviderClient {
  switch (provider) {
    case "MTN_CAM": {
      const config = readMtnConfig();
      return cached(provider, config, () => new MtnProvider(config));
    }
    case "ORANGE_CAM": {
      const config = readOrangeConfig();
      return cached(provider, config, () => new OrangeProvider(config));
    }
    default: {
      const unhandled: never = provider;
      throw new Error(`No payment provider client for ${String(unhandled)}`);
    }
  }
}

function cached(provider: Provider, config: object, create: () => PaymentProviderClient): PaymentProviderClient {
  const key = `${provider} ${JSON.stringify(config)}`;
  let client = clients.get(key);
  if (!client) {
    client = create();
    clients.set(key, client);
  }
  return client;
}
