/**
 * npm run db:migrate   apply the committed migrations
 * npm run db:seed      apply them and write the demo data (idempotent)
 * Against DATABASE_URL when set, else the embedded database of `npm run demo`.
 */
import { migrate, openDatabase } from "./lib/database";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("usage: tsx scripts/db.ts migrate|seed");
  process.exit(2);
}

const db = await openDatabase({ database: "paylinks", dataDirName: "postgres", externalUrl: process.env.DATABASE_URL });
try {
  console.log(await migrate(db.url));
  if (command === "seed") {
    process.env.DATABASE_URL = db.url;
    const { seed } = await import("../prisma/seed");
    const summary = await seed();
    console.log(summary);
  }
} finally {
  await db.stop();
}
