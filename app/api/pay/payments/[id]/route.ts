import { getPaymentStatus } from "@/lib/services/pay-page/get-payment-status";

/** GET /api/pay/payments/:id: what the pay page polls while the customer approves. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const status = await getPaymentStatus((await params).id);
  if (!status) return Response.json({ error: "Payment not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json(status, { headers: { "Cache-Control": "no-store" } });
}
