import { afterAll, beforeAll } from "vitest";
import { startMockProviders, type MockProviders } from "@/lib/providers/mock";

/**
 * Runs the mock MTN and Orange services for the tests of this file and points the provider
 * clients at them (the clients read the environment on every call).
 */
export function withMockProviders(approvalDelayMs = 20, options: { requestExpiryMs?: number } = {}): { readonly current: MockProviders } {
  const handle = {} as { current: MockProviders };
  beforeAll(async () => {
    handle.current = await startMockProviders({ approvalDelayMs, ...options });
    process.env.MTN_BASE_URL = handle.current.mtnUrl;
    process.env.ORANGE_BASE_URL = handle.current.orangeUrl;
  });
  afterAll(async () => {
    await handle.current?.close();
  });
  return handle;
}
