/** Raw HTTP calls to the MTN MoMo Collection API, with its OAuth token kept in memory. */
import { z } from "zod";
import type { MtnConfig } from "@/lib/providers/config";
import type { Result } from "@/lib/providers/interface";
import { readReply, sendHttp, type HttpReply, type ProviderLabel } from "@/lib/providers/provider-http";
import { fail, ok } from "@/lib/providers/result";
import { TokenCache, type IssuedToken } from "@/lib/providers/token-cache";
import { MtnRequestToPayResultSchema, MtnTokenSchema, type MtnRequestToPayBody, type MtnRequestToPayResult } from "./types";

export class MtnApi {
  private readonly tokens = new TokenCache(() => this.issueToken());
  /** How messages name MTN and the setting that points at it (MTN_BASE_URL or MTN_LIVE_BASE_URL). */
  private readonly label: ProviderLabel;

  constructor(private readonly config: MtnConfig) {
    this.label = { name: config.mode === "LIVE" ? "MTN MoMo (live)" : "MTN MoMo", baseUrlVariable: `${config.variablePrefix}_BASE_URL` };
  }

  /** MTN answers 202 with an empty body: acceptance is all there is to read. */
  async requestToPay(referenceId: string, body: MtnRequestToPayBody, callbackUrl: string): Promise<Result<null>> {
    const path = "/collection/v1_0/requesttopay";
    const reply = await this.send("POST", path, {
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-Reference-Id": referenceId, "X-Callback-Url": callbackUrl },
    });
    if (!reply.ok) return reply;
    const accepted = readReply(this.label, `POST ${path}`, reply.value, z.unknown());
    return accepted.ok ? ok(null) : accepted;
  }

  async getRequestToPay(referenceId: string): Promise<Result<MtnRequestToPayResult>> {
    const path = `/collection/v1_0/requesttopay/${encodeURIComponent(referenceId)}`;
    const reply = await this.send("GET", path);
    return reply.ok ? readReply(this.label, `GET ${path}`, reply.value, MtnRequestToPayResultSchema) : reply;
  }

  private send(
    method: "GET" | "POST",
    path: string,
    extra: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<Result<HttpReply>> {
    return this.tokens.withToken((token) =>
      sendHttp(this.label, {
        method,
        url: this.config.baseUrl + path,
        body: extra.body,
        timeoutMs: this.config.timeoutMs,
        headers: {
          Authorization: `Bearer ${token}`,
          "Ocp-Apim-Subscription-Key": this.config.subscriptionKey,
          "X-Target-Environment": this.config.targetEnvironment,
          ...extra.headers,
        },
      }),
    );
  }

  private async issueToken(): Promise<Result<IssuedToken>> {
    const { apiUser, apiKey, subscriptionKey, baseUrl, timeoutMs } = this.config;
    const path = "/collection/token/";
    const reply = await sendHttp(this.label, {
      method: "POST",
      url: baseUrl + path,
      headers: {
        Authorization: `Basic ${Buffer.from(`${apiUser}:${apiKey}`).toString("base64")}`,
        "Ocp-Apim-Subscription-Key": subscriptionKey,
      },
      timeoutMs,
    });
    if (!reply.ok) return reply;
    const token = readReply(this.label, `POST ${path}`, reply.value, MtnTokenSchema);
    if (!token.ok) {
      const prefix = this.config.variablePrefix;
      const hint = reply.value.status === 401 ? `; check ${prefix}_API_USER, ${prefix}_API_KEY and ${prefix}_SUBSCRIPTION_KEY` : "";
      return fail(token.error.kind, token.error.message + hint);
    }
    return ok({ accessToken: token.value.access_token, expiresInSeconds: token.value.expires_in });
  }
}
