/**
 * The load generator of `npm run bench`, run as its own process (plain Node, no transpiler) so
 * that the app and the orchestrator never share its CPU time or event loop. It reads one job
 * (JSON) from argv[2] and prints one result (JSON) on stdout.
 *
 * In `body`, every "{n}" becomes a number of its own for each request: sequenceStart, then the
 * next one, and so on (e.g. a payer number per redeem).
 *
 *   { "kind": "autocannon", url, method?, headers?, body?, sequenceStart?, connections, duration, warmup? }
 *     -> autocannon for `duration` s (after `warmup` s whose results are dropped)
 *   { "kind": "burst", url, method?, headers?, body?, sequenceStart?, count, sequential? }
 *     -> `count` requests at once, each on its own connection, timed from the first sent to the last
 *        answered (or one after another when `sequential`)
 */
import http from "node:http";
import autocannon from "autocannon";

const job = JSON.parse(process.argv[2] ?? "{}");
let sequence = job.sequenceStart ?? 0;
const templated = typeof job.body === "string" && job.body.includes("{n}");
const nextBody = () => (templated ? job.body.replaceAll("{n}", String(sequence++)) : job.body);

function cannon(duration, connections) {
  return autocannon({
    url: job.url,
    method: job.method ?? "GET",
    headers: job.headers ?? {},
    body: job.body,
    ...(templated ? { requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }] } : {}),
    connections,
    duration,
    timeout: job.timeout ?? 10,
  });
}

async function runAutocannon() {
  if (job.warmup > 0) await cannon(job.warmup, job.connections);
  const result = await cannon(job.duration, job.connections);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  return {
    requestsPerSecond: result.requests.average,
    latency: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean, max: result.latency.max },
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    durationSeconds: result.duration,
    connections: job.connections,
  };
}

function once(agent) {
  const url = new URL(job.url);
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: job.method ?? "GET", headers: job.headers ?? {} },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body = (body + chunk).slice(0, 300)));
        response.on("end", () => resolve({ status: response.statusCode, ms: performance.now() - started, body }));
      },
    );
    request.setTimeout(60_000, () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve({ status: `error: ${error.message}`, ms: performance.now() - started }));
    request.end(nextBody());
  });
}

async function runBurst() {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const started = performance.now();
  let answers = [];
  if (job.sequential) for (let i = 0; i < job.count; i++) answers.push(await once(agent));
  else answers = await Promise.all(Array.from({ length: job.count }, () => once(agent)));
  const elapsedMs = performance.now() - started;
  const statusCodes = {};
  const samples = {};
  for (const { status, body } of answers) {
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    if (!/^2|^410$/.test(String(status)) && !(status in samples)) samples[status] = body ?? "";
  }
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((total, ms) => total + ms, 0) / sorted.length;
  return { elapsedMs, statusCodes, samples, latency: { p50: at(0.5), p99: at(0.99), mean, max: sorted.at(-1) } };
}

const result = job.kind === "burst" ? await runBurst() : await runAutocannon();
process.stdout.write(JSON.stringify(result));
