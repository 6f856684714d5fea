/** Both provider mocks in one call, for `npm run demo`, the test runner and scripts/mock-providers.ts. */
import { startMtnMock } from "./mtn-mock";
import { startOrangeMock } from "./orange-mock";

export { startMtnMock, type MtnMockOptions } from "./mtn-mock";
export { startOrangeMock, type OrangeMockOptions } from "./orange-mock";
export type { RunningMock } from "./http";

export interface MockProvidersOptions {
  /** 0 (the default) picks a free port. */
  mtnPort?: number;
  orangePort?: number;
  /** How long the simulated payer takes to answer; 3000 ms by default. */
  approvalDelayMs?: number;
  /** How long a request the payer has not answered stays open before the provider expires it; 120 s by default, 0 never. */
  requestExpiryMs?: number;
}

export interface MockProviders {
  mtnUrl: string;
  orangeUrl: string;
  close(): Promise<void>;
}

export async function startMockProviders(options: MockProvidersOptions = {}): Promise<MockProviders> {
  const { approvalDelayMs, requestExpiryMs } = options;
  const mtn = await startMtnMock({ port: options.mtnPort, approvalDelayMs, requestExpiryMs });
  let orange;
  try {
    orange = await startOrangeMock({ port: options.orangePort, approvalDelayMs, requestExpiryMs });
  } catch (error) {
    await mtn.close();
    throw error;
  }
  return {
    mtnUrl: mtn.url,
    orangeUrl: orange.url,
    close: async () => {
      await Promise.all([mtn.close(), orange.close()]);
    },
  };
}
