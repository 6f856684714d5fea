/**
 * Entry point for services: the client for a provider, plus what the notification routes need.
 * Services see only lib/providers/interface.ts shapes, never a provider's own words.
 */
import { PROVIDERS, type Mode, type Provider } from "@/lib/domain/links/enums";
import { isLiveConfigured, readMtnConfig, readOrangeConfig } from "./config";
import type { PaymentProviderClient } from "./interface";
import { MtnProvider } from "./mtn/mtn-provider";
import { OrangeProvider } from "./orange/orange-provider";

export { isLiveConfigured, LIVE_BASE_URL_VARIABLE } from "./config";
export { verifyOrangeNotification } from "./orange/verify-orange-notification";
export type { OrangeNotification } from "./orange/types";

/**
 * One client per provider and configuration, so the access token is reused across requests,
 * while a changed environment (tests starting the mocks on random ports) gets a fresh client.
 */
const clients = new Map<string, PaymentProviderClient>();

/**
 * The client for a provider in a mode: SANDBOX links and payments always go to the sandbox
 * configuration (the mocks by default), LIVE ones to the live configuration. A LIVE client of a
 * provider whose live settings are missing throws: check collectableProviders (or
 * isLiveConfigured) first, so that this never happens in a request.
 */
export function getProviderClient(provider: Provider, mode: Mode = "SANDBOX"): PaymentProviderClient {
  switch (provider) {
    case "MTN_CAM": {
      const config = readMtnConfig(process.env, mode);
      return cached(provider, config, () => new MtnProvider(config));
    }
    case "ORANGE_CAM": {
      const config = readOrangeConfig(process.env, mode);
      return cached(provider, config, () => new OrangeProvider(config));
    }
    default: {
      const unhandled: never = provider;
      throw new Error(`No payment provider client for ${String(unhandled)}`);
    }
  }
}

/** The providers that can collect in a mode: both in SANDBOX; in LIVE, those configured for it. */
export function collectableProviders(mode: Mode, env: Readonly<Record<string, string | undefined>> = process.env): Provider[] {
  return mode === "SANDBOX" ? [...PROVIDERS] : PROVIDERS.filter((provider) => isLiveConfigured(provider, env));
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
