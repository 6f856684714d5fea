import { providerRoute } from "@/lib/contracts/providers/http";
import { acceptOrangeNotification } from "@/lib/services/payments/accept-orange-notification";

/** Orange Money's notification: verified by its notif_token, then confirmed with Orange. */
export const POST = providerRoute(acceptOrangeNotification);
