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

export class OrangeApi {
  private readonly tokens = new TokenCache(() => this.issueToken());
  /** How messages name Orange and the setting that points at it (ORANGE_BASE_URL or ORANGE_LIVE_BASE_URL). */
  private readonly label: ProviderLabel;

  constructor(private readonly config: OrangeConfig) {
    this.label = { name: config.mode === "LIVE" ? "Orange Money (live)" : "Orange Money", baseUrlVariable: `${config.variablePrefix}_BASE_URL` };
  }

  async webPayment(body: OrangeWebPaymentBody): Promise<Result<OrangeWebPaymentResponse>> {
    const path = "/orange-money-webpay/cm/v1/webpayment";
    const reply = await this.postJson(path, body);
    return reply.ok ? readReply(this.label, `POST ${path}`, reply.value, OrangeWebPaymentResponseSchema) : reply;
  }

  async transactionStatus(body: OrangeTransactionStatusBody): Promise<Result<OrangeTransactionStatus>> {
    const path = "/orange-money-webpay/cm/v1/transactionstatus";
    const reply = await this.postJson(path, body);
    return reply.ok ? readReply(this.label, `POST ${path}`, reply.value, OrangeTransactionStatusSchema) : reply;
  }

  private postJson(path: string, body: unknown): Promise<Result<HttpReply>> {
    return this.tokens.withToken((token) =>
      sendHttp(this.label, {
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
    const reply = await sendHttp(this.label, {
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
    const token = readReply(this.label, `POST ${path}`, reply.value, OrangeTokenSchema);
    if (!token.ok) {
      const prefix = this.config.variablePrefix;
      const hint = reply.value.status === 401 ? `; check ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET` : "";
      return fail(token.error.kind, token.error.message + hint);
    }
    return ok({ accessToken: token.value.access_token, expiresInSeconds: token.value.expires_in });
  }
}
