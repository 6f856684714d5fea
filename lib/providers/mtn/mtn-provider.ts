import { toMajorString } from "@/lib/money";
import type { MtnConfig } from "@/lib/providers/config";
import type { InitiateRequest, Initiated, PaymentProviderClient, ProviderStatus, Result, StatusQuery } from "@/lib/providers/interface";
import { fail, ok } from "@/lib/providers/result";
import { MtnApi } from "./mtn-api";
import { transformMtnStatus } from "./transform";
import type { MtnRequestToPayBody } from "./types";

/**
 * MTN MoMo "request to pay": the payer approves on the phone (or *126#); the outcome comes from
 * the callback (a hint) and the status, which is looked up by our own payment id.
 */
export class MtnProvider implements PaymentProviderClient {
  readonly provider = "MTN_CAM";
  private readonly api: MtnApi;

  constructor(config: MtnConfig) {
    this.api = new MtnApi(config);
  }

  async initiate(request: InitiateRequest): Promise<Result<Initiated>> {
    let body: MtnRequestToPayBody;
    try {
      body = shapeRequestToPay(request);
    } catch (error) {
      return fail("rejected", `Cannot ask MTN MoMo for ${request.amountMinor} ${request.currency}: ${String(error)}`);
    }
    const accepted = await this.api.requestToPay(request.paymentId, body, request.callbackUrl);
    if (!accepted.ok) return accepted;
    // MTN gives its own reference (financialTransactionId) only in the status, once paid.
    return ok({ providerReference: null, paymentUrl: null, notificationToken: null });
  }

  async getStatus(query: StatusQuery): Promise<Result<ProviderStatus>> {
    const result = await this.api.getRequestToPay(query.paymentId);
    return result.ok ? ok(transformMtnStatus(result.value)) : result;
  }
}

/** Throws on an amount or currency the money module refuses (not a safe integer, unknown code). */
function shapeRequestToPay(request: InitiateRequest): MtnRequestToPayBody {
  return {
    amount: toMajorString(request.amountMinor, request.currency),
    currency: request.currency,
    externalId: request.orderId,
    payer: { partyIdType: "MSISDN", partyId: request.payerPhone },
    payerMessage: request.description,
    payeeNote: request.description,
  };
}
