import { getDb, isUuid } from "@/lib/db/client";
import { AppError, AppErrorCode, notFound } from "@/lib/errors";
import { verifyOrangeNotification } from "@/lib/providers";
import { refreshPaymentFromProvider, type Refresh } from "./refresh-payment";

/**
 * Orange's notification is authentic when it carries the notif_token returned at initiation;
 * even then the status is confirmed with Orange before anything is recorded.
 */
export async function acceptOrangeNotification(paymentId: string, body: unknown): Promise<Refresh> {
  if (!isUuid(paymentId)) throw notFound("payment");
  const payment = await getDb().payment.findUnique({ where: { id: paymentId }, select: { provider: true, notificationToken: true } });
  if (!payment || payment.provider !== "ORANGE_CAM") throw notFound("payment");
  const verified = verifyOrangeNotification(body, payment.notificationToken ?? "");
  if (!verified.ok) throw new AppError(AppErrorCode.UNAUTHENTICATED, verified.error.message);
  return refreshPaymentFromProvider(paymentId);
}
