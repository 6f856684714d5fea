import { connection } from "next/server";

/**
 * The no-op route handler of this build: a tiny JSON answer with no data, no proxy and no
 * contract around it. `npm run bench` measures every API route as a ratio of this one.
 */
export async function GET(): Promise<Response> {
  // Answered per request (never prerendered at build time, with or without Cache Components).
  await connection();
  return Response.json({ ok: true });
}
