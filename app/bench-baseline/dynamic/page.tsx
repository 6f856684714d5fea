import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Baseline", robots: { index: false, follow: false } };

/**
 * The barest page of this app rendered on every request (root layout, no data, no component of
 * ours): `npm run bench` measures the pay page as a ratio of this one.
 */
export default async function DynamicBaselinePage() {
  await connection();
  return <main>ok</main>;
}
