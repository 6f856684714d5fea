/**
 * The MTN MoMo and Orange Money mocks as one standalone process, for running the app against
 * them by hand: npx tsx scripts/mock-providers.ts. Ctrl-C stops both.
 * MTN_MOCK_PORT (4010), ORANGE_MOCK_PORT (4020): where they listen, on 127.0.0.1; these are
 * the default MTN_BASE_URL and ORANGE_BASE_URL of the app.
 * MOCK_APPROVAL_DELAY_MS (3000): how long the simulated payer takes to answer.
 * MOCK_REQUEST_EXPIRY_MS (120000): how long a request nobody approves stays open before the
 * provider expires it (MTN: FAILED, reason EXPIRED; Orange: EXPIRED); 0 keeps it open.
 * POST <mock>/sandbox/payer/<MTN reference id | Orange pay_token> {"answer": "approve" | "reject"
 * | "insufficient_funds"} answers for the payer while the request is open (e.g. a late approval).
 */
import { startMockProviders } from "../lib/providers/mock";

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a whole number, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const mocks = await startMockProviders({
  mtnPort: numberFromEnv("MTN_MOCK_PORT", 4010),
  orangePort: numberFromEnv("ORANGE_MOCK_PORT", 4020),
  approvalDelayMs: numberFromEnv("MOCK_APPROVAL_DELAY_MS", 3000),
  requestExpiryMs: numberFromEnv("MOCK_REQUEST_EXPIRY_MS", 120_000),
});
console.log(`MTN MoMo mock:     ${mocks.mtnUrl}`);
console.log(`Orange Money mock: ${mocks.orangeUrl}`);
console.log("Test numbers: see lib/providers/test-numbers.ts. Ctrl-C to stop.");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await mocks.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
