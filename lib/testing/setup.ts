import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");

// LIVE keys and links are refused unless a live provider is configured: the tests configure a
// live MTN MoMo that nothing listens to (tests of LIVE payments point it at a mock of their own,
// tests of the refusal unset it).
process.env.MTN_LIVE_BASE_URL ??= "http://127.0.0.1:9";
process.env.MTN_LIVE_API_USER ??= "live-api-user";
process.env.MTN_LIVE_API_KEY ??= "live-api-key";
process.env.MTN_LIVE_SUBSCRIPTION_KEY ??= "live-subscription-key";

// Tests redeem the same links and numbers many times (and the counters outlive a run): the
// redeem limits are tested where they are set low (lib/services/payments/redeem-guards.db.test.ts).
process.env.REDEEM_RATE_LIMIT_PER_LINK ??= "1000000";
process.env.REDEEM_RATE_LIMIT_PER_PHONE ??= "1000000";

afterAll(async () => {
  await disconnectDb();
});
