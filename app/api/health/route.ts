import { getHealth } from "@/lib/contracts/internal/operations";
import { route } from "@/lib/contracts/kit/route";
import { checkDatabase } from "@/lib/services/health/check-database";

/** GET /api/health: 200 when the database answers, 503 when it does not (for load balancers). */
export const GET = route(getHealth, async () => {
  const database = await checkDatabase();
  return {
    status: database.up ? 200 : 503,
    body: { status: database.up ? "ok" : "unavailable", database: database.up ? "up" : "down", checked_in_ms: database.elapsedMs },
  };
});
