import { describe, expect, it } from "vitest";
import { judge, toMarkdown, verdict, type BenchReport } from "./report";

describe("verdict", () => {
  it("passes a minimum at or above its goal and a maximum strictly below it", () => {
    expect(verdict({ label: "a", figure: 0.6, unit: "x", goal: 0.6, kind: "min" })).toBe("pass");
    expect(verdict({ label: "a", figure: 0.59, unit: "x", goal: 0.6, kind: "min" })).toBe("miss");
    expect(verdict({ label: "b", figure: 49.9, unit: "ms", goal: 50, kind: "max" })).toBe("pass");
    expect(verdict({ label: "b", figure: 50, unit: "ms", goal: 50, kind: "max" })).toBe("miss");
    expect(verdict({ label: "c", figure: null, unit: "", goal: 95, kind: "min" })).toBe("n/a");
    expect(verdict({ label: "c", figure: NaN, unit: "", goal: 95, kind: "min" })).toBe("n/a");
  });
});

describe("toMarkdown", () => {
  const load = (rps: number) => ({
    requestsPerSecond: rps,
    latency: { p50: 10, p99: 40, mean: 12, max: 90 },
    requests: rps * 10,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    statusCodes: { "200": rps * 10 },
    durationSeconds: 10,
    connections: 50,
  });
  const report: BenchReport = {
    date: "2026-11-25",
    machine: { cpus: 2, cpuModel: "Test CPU", memoryGb: 4, os: "Debian", node: "20.20.2", next: "16.4.6", postgres: "PostgreSQL 18.4", database: "embedded" },
    config: { durationSeconds: 10, warmupSeconds: 2, connections: 50, listDurationSeconds: 4, listConnections: 5, smallLinks: 1000, largeLinks: 1_000_000 },
    wallSeconds: 480,
    throughput: [
      { id: "noop", label: "no-op", route: "GET /noop", baseline: "noop", result: load(1000), ratio: 1, unexpected: 0 },
      { id: "slug", label: "slug", route: "GET /slug", baseline: "noop", result: { ...load(300), non2xx: 5, statusCodes: { "200": 2995, "500": 5 } }, ratio: 0.3, unexpected: 5 },
    ],
    contention: null,
    listing: [
      {
        id: "apiFirst",
        surface: "Instanvi API",
        label: "first page",
        small: { route: "/a", result: load(100) },
        large: { route: "/a", result: { ...load(50), latency: { p50: 20, p99: 80, mean: 30, max: 99 } } },
      },
    ],
    memory: { idleBytes: 150 * 2 ** 20, afterLoadBytes: 320 * 2 ** 20, processes: ["next-server (320 MB)"] },
    payPage: null,
    lighthouse: { ok: false, reason: "exit 1: a | b" },
    targets: judge([
      { label: "slug over no-op", figure: 0.3, unit: "x", goal: 0.6, kind: "min" },
      { label: "memory", figure: 320, unit: "MB", goal: 300, kind: "max" },
    ]),
    notes: [],
  };

  it("shows each figure, the ratios, the other answers and each verdict", () => {
    const markdown = toMarkdown(report);
    expect(markdown).toContain("| slug | `GET /slug` | 300 | 10.0 ms | 40.0 ms | 0.30 | 5 (200: 2,995, 500: 5) |");
    expect(markdown).toContain("| Instanvi API | first page | 100.0 | 12.0 / 40.0 | 50.0 | 30.0 / 80.0 | 2.50x |  |");
    expect(markdown).toContain("| slug over no-op | 0.30x | ≥ 0.60x | 0.50 | miss |");
    expect(markdown).toContain("| memory | 320 MB | < 300 MB | 1.07 | miss |");
    expect(markdown).toContain("not measured: exit 1: a \\| b");
    expect(markdown).toContain("0 of 2 targets pass.");
  });
});
