import type { OrangeConfig } from "@/lib/providers/config";
import type { InitiateRequest, Initiated, PaymentProviderClient, ProviderStatus, Result, StatusQuery } from "@/lib/providers/interface";
import { fail, ok } from "@/lib/providers/result";
import { OrangeApi } from "./orange-api";
import { transformOrangeStatus } from "./transform";
import type { OrangeWebPaymentBody } from "./types";

/**
 * Orange Money Web Payment: the payer approves on Orange's payment_url (or #150#). The outcome
 * comes from the notification (a hint, checked with verifyOrangeNotification) and the status,
 * which Orange looks up by pay_token, order_id and amount together.
 */
export class OrangeProvider implements PaymentProviderClient {
  readonly provider = "ORANGE_CAM";
  private readonly api: OrangeApi;

  constructor(private readonly config: OrangeConfig) {
    this.api = new OrangeApi(config);
  }

  async initiate(request: InitiateRequest): Promise<Result<Initiated>> {
    if (request.currency !== "XAF") {
      return fail("rejected", `Orange Money Web Payment in Cameroon takes XAF only; this payment is in ${request.currency}`);
    }
    const created = await this.api.webPayment(this.shapeWebPayment(request));
    if (!created.ok) return created;
    return ok({
      providerReference: created.value.pay_token,
      paymentUrl: created.value.payment_url,
      notificationToken: created.value.notif_token,
    });
  }

  async getStatus(query: StatusQuery): Promise<Result<ProviderStatus>> {
    if (query.providerReference === null) {
      return fail("rejected", "An Orange Money status needs the pay_token returned at initiation, and this payment has none");
    }
    const result = await this.api.transactionStatus({
      order_id: query.orderId,
      amount: query.amountMinor,
      pay_token: query.providerReference,
    });
    return result.ok ? ok(transformOrangeStatus(result.value)) : result;
  }

  private shapeWebPayment(request: InitiateRequest): OrangeWebPaymentBody {
    return {
      merchant_key: this.config.merchantKey,
      currency: "XAF",
      order_id: request.orderId,
      // XAF has no minor unit: minor units are whole francs.
      amount: request.amountMinor,
      return_url: request.returnUrl,
      cancel_url: request.returnUrl,
      notif_url: request.callbackUrl,
      lang: request.language,
      reference: request.description,
      // Only our mock reads it (the payer then approves on the phone); real Orange sends the payer
      // to payment_url, so a live request does not carry it.
      ...(this.config.mode === "SANDBOX" ? { subscriber_msisdn: request.payerPhone } : {}),
    };
  }
}
