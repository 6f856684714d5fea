import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { parseDatabaseUrl } from "./lib/db/connection";

// Prisma 6.19 with the JavaScript schema engine: nothing is downloaded (see STACK.md).
// `prisma generate` needs no database; every other command needs DATABASE_URL, which the
// project's scripts (npm run demo, npm test, npm run db:migrate) set for the embedded server.
process.env.DATABASE_URL ??= "postgresql://paylinks:paylinks@127.0.0.1:5432/paylinks";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg(parseDatabaseUrl(process.env.DATABASE_URL!)),
});
