/**
 * Gives the database tests a migrated, empty PostgreSQL database: TEST_DATABASE_URL when set
 * (npm test sets it, CI may point it at a server), else an embedded server started here.
 */
import path from "node:path";
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";

let embedded: EmbeddedDatabase | undefined;

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".data", "vitest-postgres"),
      database: "paylinks_unit",
      fresh: true,
      port: 54340,
    });
    url = embedded.url;
    execFileSync(path.resolve("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
  }
  project.provide("databaseUrl", url);
  return async () => {
    await embedded?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
