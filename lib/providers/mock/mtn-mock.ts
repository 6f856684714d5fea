/**
 * A stand-in for the MTN MoMo Collection API (PROVIDERS.md), served over real HTTP so that the
 * product's client is exercised exactly as against MTN's sandbox. The payer's number decides the
 * outcome (lib/providers/test-numbers.ts). State lives in memory and dies with the process.
 */
import { randomInt } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describeIssues } from "@/lib/providers/describe-issues";
import { MtnRequestToPayBodySchema, type MtnRequestToPayBody, type MtnStatus } from "@/lib/providers/mtn/types";
import { testOutcomeFor, type TestOutcome } from "@/lib/providers/test-numbers";
import { Background, basicCredentials, header, parseJson, readBody, sendJson, serve, TokenStore, type RunningMock } from "./http";

export interface MtnMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** How long the simulated payer takes to answer on the phone. */
  approvalDelayMs?: number;
  /**
   * How long a request the payer has not answered stays open: then MTN gives up on it, FAILED
   * with reason EXPIRED (and calls back). 0 keeps it open forever. DEFAULT_REQUEST_EXPIRY_MS by default.
   */
  requestExpiryMs?: number;
}

/** MTN's push to the phone lapses after a few minutes; the mock's default. */
export const DEFAULT_REQUEST_EXPIRY_MS = 120_000;

type PayerAnswer = { status: "SUCCESSFUL" } | { status: "FAILED"; reason: "NOT_ENOUGH_FUNDS" | "APPROVAL_REJECTED" | "EXPIRED" };

/** The sandbox's stand-in for the payer's phone: POST /sandbox/payer/{referenceId} {"answer": ...}. */
const SANDBOX_ANSWERS = new Map<string, PayerAnswer>([
  ["approve", { status: "SUCCESSFUL" }],
  ["reject", { status: "FAILED", reason: "APPROVAL_REJECTED" }],
  ["insufficient_funds", { status: "FAILED", reason: "NOT_ENOUGH_FUNDS" }],
]);

/** The PENDING number never answers (MTN expires it after requestExpiryMs); PROVIDER_ERROR fails at initiation. */
const PAYER_ANSWERS = new Map<TestOutcome, PayerAnswer>([
  ["SUCCESS", { status: "SUCCESSFUL" }],
  ["INSUFFICIENT_FUNDS", { status: "FAILED", reason: "NOT_ENOUGH_FUNDS" }],
  ["PAYER_REJECTED", { status: "FAILED", reason: "APPROVAL_REJECTED" }],
]);

interface RequestToPay {
  body: MtnRequestToPayBody;
  status: MtnStatus;
  reason?: string;
  financialTransactionId?: string;
  callbackUrl?: string;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const STATUS_PATH = /^\/collection\/v1_0\/requesttopay\/([^/]+)$/;
const SANDBOX_PAYER_PATH = /^\/sandbox\/payer\/([^/]+)$/;

export async function startMtnMock(options: MtnMockOptions = {}): Promise<RunningMock> {
  const approvalDelayMs = options.approvalDelayMs ?? 3000;
  const requestExpiryMs = options.requestExpiryMs ?? DEFAULT_REQUEST_EXPIRY_MS;
  const tokens = new TokenStore(3600);
  const requests = new Map<string, RequestToPay>();
  const background = new Background();

  /** The payer's answer (or the expiry) lands, once; the merchant hears of it when it gave a callback URL. */
  function settle(request: RequestToPay, answer: PayerAnswer): boolean {
    if (request.status !== "PENDING") return false;
    request.status = answer.status;
    if (answer.status === "SUCCESSFUL") request.financialTransactionId = String(randomInt(1_000_000_000, 10_000_000_000));
    else request.reason = answer.reason;
    if (request.callbackUrl) background.postJson(request.callbackUrl, statusBody(request));
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (req.method === "POST" && (path === "/collection/token/" || path === "/collection/token")) {
      if (!basicCredentials(req) || !header(req, "Ocp-Apim-Subscription-Key")) {
        return sendJson(res, 401, { code: "UNAUTHORIZED", message: "Basic apiUser:apiKey and Ocp-Apim-Subscription-Key are required" });
      }
      return sendJson(res, 200, { access_token: tokens.issue(), token_type: "access_token", expires_in: tokens.lifetimeSeconds });
    }

    const sandboxPayer = SANDBOX_PAYER_PATH.exec(path);
    if (req.method === "POST" && sandboxPayer) return answerAsPayer(res, decodeURIComponent(sandboxPayer[1]!), await readBody(req));

    const statusMatch = STATUS_PATH.exec(path);
    const isRequestToPay = req.method === "POST" && path === "/collection/v1_0/requesttopay";
    if (!isRequestToPay && !(req.method === "GET" && statusMatch)) {
      return sendJson(res, 404, { code: "RESOURCE_NOT_FOUND", message: `No ${req.method} ${path} in this API` });
    }
    if (!header(req, "Ocp-Apim-Subscription-Key") || !tokens.accepts(req)) {
      return sendJson(res, 401, { code: "UNAUTHORIZED", message: "A valid Bearer token and Ocp-Apim-Subscription-Key are required" });
    }
    if (!header(req, "X-Target-Environment")) {
      return sendJson(res, 400, { code: "NOT_ALLOWED_TARGET_ENVIRONMENT", message: "X-Target-Environment is required" });
    }

    if (statusMatch) {
      const request = requests.get(decodeURIComponent(statusMatch[1]!));
      if (!request) return sendJson(res, 404, { code: "RESOURCE_NOT_FOUND", message: "Requested resource was not found." });
      return sendJson(res, 200, statusBody(request));
    }

    const referenceId = header(req, "X-Reference-Id");
    if (!referenceId || !UUID_V4.test(referenceId)) {
      return sendJson(res, 400, { code: "INVALID_REFERENCE_ID", message: "X-Reference-Id must be a UUID version 4" });
    }
    const callbackUrl = header(req, "X-Callback-Url");
    if (callbackUrl !== undefined && !URL.canParse(callbackUrl)) {
      return sendJson(res, 400, { code: "INVALID_CALLBACK_URL_HOST", message: "X-Callback-Url must be an absolute URL" });
    }
    const text = await readBody(req);
    const parsed = MtnRequestToPayBodySchema.safeParse(text === null ? undefined : parseJson(text));
    if (!parsed.success) {
      return sendJson(res, 400, { code: "INVALID_REQUEST", message: describeIssues(parsed.error) });
    }
    if (requests.has(referenceId)) {
      return sendJson(res, 409, { code: "RESOURCE_ALREADY_EXIST", message: "Duplicated reference id. Creation of resource failed." });
    }

    const outcome = testOutcomeFor(parsed.data.payer.partyId);
    if (outcome === "PROVIDER_ERROR") {
      return sendJson(res, 500, { code: "INTERNAL_PROCESSING_ERROR", message: "An internal error occurred while processing." });
    }
    const request: RequestToPay = { body: parsed.data, status: "PENDING", callbackUrl };
    requests.set(referenceId, request);
    const answer = PAYER_ANSWERS.get(outcome);
    if (answer) background.after(approvalDelayMs, () => settle(request, answer));
    if (requestExpiryMs > 0) background.after(requestExpiryMs, () => settle(request, { status: "FAILED", reason: "EXPIRED" }));
    return sendJson(res, 202);
  }

  /**
   * Not MTN's API: the sandbox's way to answer for the payer at any time while the request is
   * open (a late approval, for example). 404 for an unknown request, 409 once it is final.
   */
  function answerAsPayer(res: ServerResponse, referenceId: string, text: string | null): void {
    const body = text === null ? undefined : parseJson(text);
    const said = typeof body === "object" && body !== null ? (body as { answer?: unknown }).answer : undefined;
    const answer = typeof said === "string" ? SANDBOX_ANSWERS.get(said) : undefined;
    if (!answer) {
      return sendJson(res, 400, { code: "INVALID_REQUEST", message: `answer must be one of ${[...SANDBOX_ANSWERS.keys()].join(", ")}` });
    }
    const request = requests.get(referenceId);
    if (!request) return sendJson(res, 404, { code: "RESOURCE_NOT_FOUND", message: "Requested resource was not found." });
    if (!settle(request, answer)) return sendJson(res, 409, { code: "NOT_PENDING", message: `The request is already ${request.status}` });
    return sendJson(res, 200, statusBody(request));
  }

  return serve(options.port ?? 0, handle, background);
}

/** GET requesttopay/{id} and the callback share this body; undefined fields are left out. */
function statusBody(request: RequestToPay) {
  const { amount, currency, externalId, payer, payerMessage, payeeNote } = request.body;
  return {
    financialTransactionId: request.financialTransactionId,
    externalId,
    amount,
    currency,
    payer,
    payerMessage,
    payeeNote,
    status: request.status,
    reason: request.reason,
  };
}
