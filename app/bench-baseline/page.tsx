import type { Metadata } from "next";

export const metadata: Metadata = { title: "Baseline", robots: { index: false, follow: false } };

/**
 * The barest page of this app (root layout, no component of ours), the baseline that
 * scripts/bench/pay-page-weight.ts measures the pay page against.
 */
export default function BaselinePage() {
  return <main>ok</main>;
}
