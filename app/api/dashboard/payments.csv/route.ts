import { exportDashboardPayments } from "@/lib/contracts/dashboard/operations";
import { paymentsQueryFromSearch } from "@/lib/contracts/dashboard/payments-query";
import { route } from "@/lib/contracts/kit/route";
import { exportPaymentsCsv } from "@/lib/services/payments/export-payments-csv";

/** GET /api/dashboard/payments.csv: the filtered payments as CSV, for a spreadsheet. */
export const GET = route(exportDashboardPayments, async ({ session, query }) => {
  const { after: _after, before: _before, ...filters } = paymentsQueryFromSearch(new URLSearchParams(query));
  const csv = await exportPaymentsCsv(session, filters);
  const day = new Date().toISOString().slice(0, 10);
  // The byte-order mark lets spreadsheet programs read the accents of French descriptions.
  return new Response("\uFEFF" + csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="payments-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
