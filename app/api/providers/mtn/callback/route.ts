import { route } from "@/lib/contracts/kit/route";
import { mtnCallbackPost, mtnCallbackPut } from "@/lib/contracts/providers/operations";
import { refreshPaymentFromProvider } from "@/lib/services/payments/refresh-payment";

/** MTN MoMo's callback (unsigned, sometimes PUT): a hint to fetch the status back from MTN. */
const refresh = async ({ query }: { query: { payment: string } }) => ({
  body: { received: true, outcome: (await refreshPaymentFromProvider(query.payment)).outcome },
});

export const POST = route(mtnCallbackPost, refresh);
export const PUT = route(mtnCallbackPut, refresh);
