import { route } from "@/lib/contracts/kit/route";
import { orangeNotification } from "@/lib/contracts/providers/operations";
import { acceptOrangeNotification } from "@/lib/services/payments/accept-orange-notification";

/** Orange Money's notification: verified by its notif_token, then confirmed with Orange. */
export const POST = route(orangeNotification, async ({ query, body }) => ({
  body: { received: true, outcome: (await acceptOrangeNotification(query.payment, body)).outcome },
}));
