/** The app under test (`next start`), the load generator's process, and resident memory from /proc. */
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { BIN, ROOT } from "../../lib/database";

export interface AppServer {
  pid: number;
  baseUrl: string;
  /** The last lines the server printed (to explain a crash). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `next start` on loopback, its output going to `logFile`, and waits until it answers. */
export async function startApp(port: number, env: Record<string, string>, logFile: string): Promise<AppServer> {
  const child = spawn(BIN("next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = fs.createWriteStream(logFile);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.on("exit", () => log.end());
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: AppServer = { pid: child.pid!, baseUrl, output: () => lines.join("\n"), stop: () => stopProcess(child) };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${server.output()}`);
    try {
      if ((await fetch(`${baseUrl}/bench-baseline/noop`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the app did not answer within 60 s:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory (VmRSS) of a process and of every process below it, in bytes, with their names. */
export function residentMemory(pid: number): { bytes: number; processes: string[] } {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let bytes = 0;
  const processes: string[] = [];
  const visit = (id: number) => {
    try {
      const status = fs.readFileSync(`/proc/${id}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const name = fs.readFileSync(`/proc/${id}/cmdline`, "utf8").split("\0")[0] || (/Name:\s+(.+)/.exec(status)?.[1] ?? "?");
      bytes += kb * 1024;
      processes.push(`${name} (${Math.round(kb / 1024)} MB)`);
    } catch {
      return;
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return { bytes, processes };
}

export interface AutocannonJob {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Every "{n}" of the body becomes a number of its own per request, from this one on. */
  body?: string;
  sequenceStart?: number;
  connections: number;
  duration: number;
  warmup?: number;
  timeout?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  latency: { p50: number; p99: number; mean: number; max: number };
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  durationSeconds: number;
  connections: number;
}

export interface BurstJob {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  sequenceStart?: number;
  count: number;
  /** One after another instead of all at once. */
  sequential?: boolean;
}

export interface BurstResult {
  elapsedMs: number;
  statusCodes: Record<string, number>;
  /** The first bodies of answers other than 2xx and 410, one per status. */
  samples: Record<string, string>;
  latency: { p50: number; p99: number; mean: number; max: number };
}

/** Runs one job in the load generator's own process (load-child.mjs) and returns its result. */
export function runLoad(job: AutocannonJob): Promise<LoadResult>;
export function runLoad(job: BurstJob): Promise<BurstResult>;
export function runLoad(job: AutocannonJob | BurstJob): Promise<LoadResult | BurstResult> {
  const kind = "count" in job ? "burst" : "autocannon";
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, "load-child.mjs"), JSON.stringify({ kind, ...job })], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}: ${err}`));
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`the load generator printed no result: ${out}${err}`));
      }
    });
  });
}
