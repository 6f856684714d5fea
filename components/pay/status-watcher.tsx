"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Follows a PENDING payment: polls its status and re-renders the page (server side) when it
 * changes. The only script of the pay page; without it, the "Refresh status" link does the job.
 */
export function StatusWatcher({ paymentId, intervalMs = 2500 }: { paymentId: string; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const response = await fetch(`/api/pay/payments/${paymentId}`, { cache: "no-store" });
        if (response.ok && (await response.json()).status !== "PENDING") {
          stopped = true;
          router.refresh();
          return;
        }
      } catch {
        // offline for a moment on a mobile network: try again on the next tick
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    let timer = setTimeout(tick, intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [paymentId, intervalMs, router]);
  return null;
}
