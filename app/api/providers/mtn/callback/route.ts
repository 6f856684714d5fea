import { providerRoute } from "@/lib/contracts/providers/http";
import { refreshPaymentFromProvider } from "@/lib/services/payments/refresh-payment";

/** MTN MoMo's callback (unsigned, sometimes PUT): a hint to fetch the status back from MTN. */
const callback = providerRoute((paymentId) => refreshPaymentFromProvider(paymentId));

export { callback as POST, callback as PUT };
