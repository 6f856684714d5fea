/**
 * The README's API examples run as pasted: every ```sh block that talks to the API ($BASE) runs
 * in bash against this server, with `set -euo pipefail` (curl -f turns any 4xx/5xx into a
 * failure), and no block contains a `<placeholder>` that bash would read as a redirection.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";

const run = promisify(execFile);
const README = fs.readFileSync(path.resolve("README.md"), "utf8");
const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((block) => block.includes("$BASE"));

test("the README has API examples for each contract", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  for (const prefix of ["/api/payment-links/create", "/api/oauth/v2/token", "/api/cm/paymentlink", "/api/zeamster/v2/paylinks"]) {
    expect(blocks.some((block) => block.includes(prefix)), prefix).toBe(true);
  }
});

for (const [index, block] of blocks.entries()) {
  test(`README example ${index + 1} runs as pasted (${block.split("\n").find((line) => line.includes("/api/"))?.match(/\/api\/[a-z0-9/.-]+/)?.[0]})`, async () => {
    expect(block).not.toMatch(/(^|\s)<[a-z_]+>/im);
    const { stdout } = await run("bash", ["-c", `set -euo pipefail\n${block}`], { env: { ...process.env, BASE: baseURL }, timeout: 60_000 });
    // Each block prints at least one JSON answer.
    expect(stdout).toMatch(/\{"/);
  });
}
