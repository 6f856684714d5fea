/** Raw HTTP calls to Orange Money Web Payment (Cameroon), with its OAuth token kept in memory. */
import type { OrangeConfig } from "@/lib/providers/config";
import type { Result } from "@/lib/providers/interface";
import { readReply, sendHttp, type HttpReply, type ProviderLabel } from "@/lib/providers/provider-http";
import { fail, ok } from "@/lib/providers/result";
import { TokenCache, type IssuedToken } from "@/lib/providers/token-cache";
import {
  OrangeTokenSchema,
  OrangeTransactionStatusSchema,
  OrangeWebPaymentResponseSchema,
  type OrangeTransactionStatus,
  type OrangeTransactionStatusBody,
  type OrangeWebPaymentBody,
  type OrangeWebPaymentResponse,
} from "./types";

const ORANGE: ProviderLabel = { name: "Orange Money", baseUrlVariable: "ORANGE_BASE_URL" };

export class OrangeApi {
  private readonly tokens = new TokenCache(() => this.issueToken());

  constructor(private readonly config: OrangeConfig) {}

  async webPayment(body: OrangeWebPaymentBody): Promise<Result<OrangeWebPaymentResponse>> {
    const path = "/orange-money-webpay/cm/v1/webpayment";
    const reply = await this.postJson(path, body);
    return reply.ok ? readReply(ORANGE, `POST ${path}`, reply.value, OrangeWebPaymentResponseSchema) : reply;
  }

  async transactionStatus(body: OrangeTransactionStatusBody): Promise<Result<OrangeTransactionStatus>> {
    const path = "/orange-money-webpay/cm/v1/transactionstatus";
    const reply = await this.postJson(path, body);
    return reply.ok ? readReply(ORANGE, `POST ${path}`, reply.value, OrangeTransactionStatusSchema) : reply;
  }

  private postJson(path: string, body: unknown): Promise<Result<HttpReply>> {
    return this.tokens.withToken((token) =>
      sendHttp(ORANGE, {
        method: "POST",
        url: this.config.baseUrl + path,
        body: JSON.stringify(body),
        timeoutMs: this.config.timeoutMs,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json" },
      }),
    );
  }

  private async issueToken(): Promise<Result<IssuedToken>> {
    const { clientId, clientSecret, baseUrl, timeoutMs } = this.config;
    const path = "/oauth/v3/token";
    const reply = await sendHttp(ORANGE, {
      method: "POST",
      url: baseUrl + path,
      body: new URLSearchParams({ grant_type: "client_credentials" }).toString(),
      headers: {
        Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      timeoutMs,
    });
    if (!reply.ok) return reply;
    const token = readReply(ORANGE, `POST ${path}`, reply.value, OrangeTokenSchema);
    if (!token.ok) {
      const hint = reply.value.status === 401 ? "; check ORANGE_CLIENT_ID and ORANGE_CLIENT_SECRET" : "";
      return fail(token.error.kind, token.error.message + hint);
    }
    return ok({ accessToken: token.value.access_token, expiresInSeconds: token.value.expires_in });
  }
}
