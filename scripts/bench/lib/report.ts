/** What `npm run bench` found, as JSON and as markdown tables, with each target of issue 13 marked pass or miss. */
import type { LighthouseResult } from "./lighthouse";
import type { BurstResult, LoadResult } from "./processes";
import type { PageWeight } from "./weight";

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  next: string;
  postgres: string;
  database: string;
}

export interface BenchConfig {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  listDurationSeconds: number;
  listConnections: number;
  smallLinks: number;
  largeLinks: number;
}

export interface ThroughputRow {
  id: string;
  label: string;
  route: string;
  baseline: "noop" | "dynamic";
  result: LoadResult;
  /** requests/s over the baseline's. */
  ratio: number;
  /** Answers with a status other than the expected ones, plus socket errors and timeouts. */
  unexpected: number;
}

export interface ListingRow {
  id: string;
  surface: string;
  label: string;
  small: { route: string; result: LoadResult | null; note?: string };
  large: { route: string; result: LoadResult | null; note?: string };
}

export interface Contention {
  requests: number;
  maxUses: number;
  succeeded: number;
  refused410: number;
  server5xx: number;
  other: Record<string, number>;
  /** The link's current_uses after the burst. */
  currentUses: number | null;
  result: BurstResult;
  ok: boolean;
}

export interface Target {
  label: string;
  /** The measured figure, null when it could not be measured. */
  figure: number | null;
  unit: "x" | "ms" | "MB" | "";
  goal: number;
  /** min: the figure must be at least the goal; max: below it. */
  kind: "min" | "max";
  note?: string;
}

export type Verdict = "pass" | "miss" | "n/a";

export function verdict(target: Target): Verdict {
  if (target.figure === null || !Number.isFinite(target.figure)) return "n/a";
  return (target.kind === "min" ? target.figure >= target.goal : target.figure < target.goal) ? "pass" : "miss";
}

export interface BenchReport {
  date: string;
  machine: Machine;
  config: BenchConfig;
  wallSeconds: number;
  throughput: ThroughputRow[];
  contention: Contention | null;
  listing: ListingRow[];
  memory: { idleBytes: number; afterLoadBytes: number; processes: string[] };
  payPage: { weight: PageWeight; baseline: PageWeight } | null;
  lighthouse: LighthouseResult | null;
  targets: (Target & { verdict: Verdict; ofGoal: number | null })[];
  notes: string[];
}

/** Each target with its verdict and its figure over its goal. */
export function judge(targets: Target[]): BenchReport["targets"] {
  return targets.map((target) => ({
    ...target,
    verdict: verdict(target),
    ofGoal: target.figure === null || !Number.isFinite(target.figure) ? null : target.figure / target.goal,
  }));
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const fixed = (n: number, digits = 2) => n.toFixed(digits);
const ms = (n: number) => (n >= 100 ? int(n) : fixed(n, n >= 10 ? 1 : 2));
const mb = (bytes: number) => `${int(bytes / 2 ** 20)} MB`;
const kb = (bytes: number) => `${fixed(bytes / 1024, 1)} kB`;

function unit(value: number, u: Target["unit"]): string {
  if (u === "x") return `${fixed(value)}x`;
  if (u === "ms") return `${ms(value)} ms`;
  if (u === "MB") return `${int(value)} MB`;
  return int(value);
}

function statuses(result: LoadResult): string {
  const codes = Object.entries(result.statusCodes).map(([code, n]) => `${code}: ${int(n)}`);
  if (result.errors) codes.push(`socket errors: ${int(result.errors)}`);
  if (result.timeouts) codes.push(`timeouts: ${int(result.timeouts)}`);
  return codes.join(", ");
}

function latencyCell(row: { result: LoadResult | null; note?: string }): [string, string, string] {
  if (!row.result) return ["n/a", "n/a", row.note ?? "not measured"];
  const r = row.result;
  return [fixed(r.requestsPerSecond, 1), `${ms(r.latency.mean)} / ${ms(r.latency.p99)}`, row.note ?? ""];
}

export function listingRatio(row: ListingRow): number | null {
  const small = row.small.result?.latency.mean;
  const large = row.large.result?.latency.mean;
  return small && large ? large / small : null;
}

export function toMarkdown(report: BenchReport): string {
  const { machine: m, config: c } = report;
  const out: string[] = [];
  out.push(`### Benchmark of ${report.date}`);
  out.push("");
  out.push(
    `${m.cpus} × ${m.cpuModel}, ${fixed(m.memoryGb, 1)} GB, ${m.os}; Node ${m.node}, Next.js ${m.next}, ${m.postgres} (${m.database}). ` +
      `Production build (\`next build\`, \`next start\`), mock MTN and Orange services, autocannon in its own process on loopback. ` +
      `Whole run: ${int(report.wallSeconds)} s.`,
  );
  out.push("");
  out.push(`**Throughput**: ${c.connections} connections, ${c.durationSeconds} s each after ${c.warmupSeconds} s of warm-up; the ratio is requests/s over the no-op route handler's (API routes) or over the barest dynamic page's (the pay page), both of this build and run.`);
  out.push("");
  out.push("| measure | route | requests/s | p50 | p99 | ratio | other answers |");
  out.push("|---|---|---:|---:|---:|---:|---|");
  for (const row of report.throughput) {
    const r = row.result;
    const base = row.baseline === "noop" ? "" : " (dynamic page)";
    out.push(
      `| ${row.label} | \`${row.route}\` | ${int(r.requestsPerSecond)} | ${ms(r.latency.p50)} ms | ${ms(r.latency.p99)} ms | ${fixed(row.ratio)}${base} | ${row.unexpected ? `${int(row.unexpected)} (${statuses(r)})` : "none"} |`,
    );
  }
  out.push("");
  const k = report.contention;
  if (k) {
    out.push(
      `**Redeem under contention**: ${k.requests} redeems at once (one connection each) on one link with max_uses = ${k.maxUses}: ` +
        `${k.succeeded} succeeded, ${k.refused410} refused with 410, ${k.server5xx} 5xx` +
        (Object.keys(k.other).length ? `, other: ${Object.entries(k.other).map(([s, n]) => `${s} × ${n}`).join(", ")}` : "") +
        `; the link's current_uses is then ${k.currentUses ?? "unknown"}` +
        `, in ${int(k.result.elapsedMs)} ms (p50 ${ms(k.result.latency.p50)} ms, slowest ${ms(k.result.latency.max)} ms): **${k.ok ? "correct" : "WRONG"}**.`,
    );
    out.push("");
  }
  out.push(
    `**Listing** with ${int(c.smallLinks)} and with ${int(c.largeLinks)} links of one merchant (half of them with a payment, for Sylius): ` +
      `${c.listConnections} connections, ${c.listDurationSeconds} s each; mean / p99 latency in ms; the last column is the mean latency with ${int(c.largeLinks)} over the same with ${int(c.smallLinks)}.`,
  );
  out.push("");
  out.push(`| surface | query | req/s (${int(c.smallLinks)}) | mean / p99 (${int(c.smallLinks)}) | req/s (${int(c.largeLinks)}) | mean / p99 (${int(c.largeLinks)}) | ratio | notes |`);
  out.push("|---|---|---:|---:|---:|---:|---:|---|");
  for (const row of report.listing) {
    const [rs, ls, ns] = latencyCell(row.small);
    const [rl, ll, nl] = latencyCell(row.large);
    const ratio = listingRatio(row);
    const notes = [ns, nl].filter(Boolean).join("; ");
    out.push(`| ${row.surface} | ${row.label} | ${rs} | ${ls} | ${rl} | ${ll} | ${ratio === null ? "n/a" : `${fixed(ratio)}x`} | ${notes} |`);
  }
  out.push("");
  out.push("**Memory and the pay page**");
  out.push("");
  out.push("| measure | value |");
  out.push("|---|---|");
  out.push(`| resident memory of the app, idle (after start) | ${mb(report.memory.idleBytes)} |`);
  out.push(`| resident memory of the app, after all the load | ${mb(report.memory.afterLoadBytes)} (${report.memory.processes.join(", ")}) |`);
  if (report.payPage) {
    const { weight: w, baseline: b } = report.payPage;
    out.push(
      `| pay page transfer (gzip, as a browser gets it) | ${kb(w.total)}: HTML ${kb(w.html.wire)}, JS ${kb(w.js.wire)} in ${w.scripts} files, CSS ${kb(w.css.wire)}; ${fixed(w.total / b.total)}x the barest dynamic page's ${kb(b.total)} |`,
    );
  }
  const lh = report.lighthouse;
  if (lh) {
    out.push(
      lh.ok
        ? `| Lighthouse mobile performance (pay page) | ${lh.score} (FCP ${int(lh.metrics.fcpMs)} ms, LCP ${int(lh.metrics.lcpMs)} ms, TBT ${int(lh.metrics.tbtMs)} ms, CLS ${fixed(lh.metrics.cls, 3)}, ${kb(lh.metrics.totalByteWeight)} transferred) |`
        : `| Lighthouse mobile performance (pay page) | not measured: ${lh.reason.replace(/\|/g, "\\|")} |`,
    );
  }
  out.push("");
  out.push("**Targets of issue 13** (measured / goal: at least 1 passes a minimum, below 1 passes a maximum)");
  out.push("");
  out.push("| target | measured | goal | measured / goal | verdict |");
  out.push("|---|---:|---:|---:|---|");
  for (const t of report.targets) {
    const goal = `${t.kind === "min" ? "≥" : "<"} ${unit(t.goal, t.unit)}`;
    const measured = t.figure === null ? "n/a" : unit(t.figure, t.unit);
    out.push(`| ${t.label} | ${measured} | ${goal} | ${t.ofGoal === null ? "n/a" : fixed(t.ofGoal)} | ${t.verdict}${t.note ? ` (${t.note})` : ""} |`);
  }
  const passed = report.targets.filter((t) => t.verdict === "pass").length;
  out.push("");
  out.push(`${passed} of ${report.targets.length} targets pass.`);
  if (report.notes.length) {
    out.push("");
    for (const note of report.notes) out.push(`- ${note}`);
  }
  return out.join("\n") + "\n";
}
