/**
 * A stand-in for a `next start` process, for process-lifecycle.db.test.ts: it installs Next's
 * own SIGTERM handling first (close the server, then process.exit(143), as start-server.js does),
 * then ours, counts pay-page views and rate-limited requests in memory, prints "ready" and waits
 * for a signal (with NEXT_MANUAL_SIG_HANDLE set, Next's handler is left out, as Next does).
 * Arguments: <link id> <merchant id> <rate-limit bucket> <views>.
 */
import { installShutdownHandlers } from "./process-lifecycle";
import { countPayPageView } from "@/lib/services/pay-page/pay-page-views";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

const [linkId = "", merchantId = "", bucket = "", views = "0"] = process.argv.slice(2);

if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
  // Next: `await server.close()` (requests in flight finish), `await nextServer.close()`, then exit.
  process.on("SIGTERM", () => setTimeout(() => process.exit(143), 20));
  process.on("SIGINT", () => setTimeout(() => process.exit(130), 20));
}
installShutdownHandlers({ log: { log: () => {}, error: console.error } });

for (let i = 0; i < Number(views); i++) countPayPageView({ id: linkId, merchantId }, `visitor-${i}`);
for (let i = 0; i < 5; i++) await consumeRateLimit(bucket, 100, 3600);
console.log("ready");
// A server keeps the process alive until it is told to stop.
setInterval(() => {}, 60_000);
