/**
 * A stand-in for Orange Money Web Payment in Cameroon (PROVIDERS.md), served over real HTTP with
 * its hosted payment page. The payer's number decides the outcome (lib/providers/test-numbers.ts):
 * typed on the page, or sent at initiation in the non-standard `subscriber_msisdn` field, which
 * only this mock reads (see OrangeWebPaymentBodySchema). State lives in memory.
 */
import { randomBytes, randomInt } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { normalizeCameroonMobile } from "@/lib/domain/payments/phone";
import { describeIssues } from "@/lib/providers/describe-issues";
import {
  OrangeTransactionStatusBodySchema,
  OrangeWebPaymentBodySchema,
  type OrangeMockReason,
  type OrangeStatus,
  type OrangeWebPaymentBody,
} from "@/lib/providers/orange/types";
import { testOutcomeFor, type TestOutcome } from "@/lib/providers/test-numbers";
import { Background, basicCredentials, parseJson, readBody, redirect, sendHtml, sendJson, serve, TokenStore, type RunningMock } from "./http";
import { renderPaymentForm, renderPaymentMessage } from "./orange-payment-page";

export interface OrangeMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** How long the simulated payer takes to confirm on the phone. */
  approvalDelayMs?: number;
  /**
   * How long a payment the payer has not completed stays open: then Orange reports it EXPIRED
   * (and notifies FAILED). 0 keeps it open forever. DEFAULT_REQUEST_EXPIRY_MS by default.
   */
  requestExpiryMs?: number;
}

/** Orange's pay_token lapses after a few minutes; the mock's default. */
export const DEFAULT_REQUEST_EXPIRY_MS = 120_000;

interface WebPayment {
  request: OrangeWebPaymentBody;
  payToken: string;
  notifToken: string;
  status: OrangeStatus;
  reason?: OrangeMockReason;
  /** Orange's transaction id, given once the payer has acted. */
  txnid?: string;
}

type PayerAnswer = { status: "SUCCESS" } | { status: "FAILED"; reason: OrangeMockReason } | { status: "EXPIRED" };

/** The sandbox's stand-in for the payer: POST /sandbox/payer/{pay_token} {"answer": ...}. */
const SANDBOX_ANSWERS = new Map<string, PayerAnswer>([
  ["approve", { status: "SUCCESS" }],
  ["reject", { status: "FAILED", reason: "CANCELLED_BY_PAYER" }],
  ["insufficient_funds", { status: "FAILED", reason: "INSUFFICIENT_BALANCE" }],
]);

/** The PENDING number never answers (Orange expires it after requestExpiryMs); PROVIDER_ERROR fails before. */
const PAYER_ANSWERS = new Map<TestOutcome, PayerAnswer>([
  ["SUCCESS", { status: "SUCCESS" }],
  ["INSUFFICIENT_FUNDS", { status: "FAILED", reason: "INSUFFICIENT_BALANCE" }],
  ["PAYER_REJECTED", { status: "FAILED", reason: "CANCELLED_BY_PAYER" }],
]);

const API = "/orange-money-webpay/cm/v1";
const PAGE_PATH = /^\/payment\/([0-9a-f]+)(\/cancel)?$/;
const SANDBOX_PAYER_PATH = /^\/sandbox\/payer\/([0-9a-f]+)$/;

/** Orange's gateway answers {code, message, description}; 41 is its "Invalid credentials". */
const orangeError = (code: number, message: string, description: string) => ({ code, message, description });

export async function startOrangeMock(options: OrangeMockOptions = {}): Promise<RunningMock> {
  const approvalDelayMs = options.approvalDelayMs ?? 3000;
  const requestExpiryMs = options.requestExpiryMs ?? DEFAULT_REQUEST_EXPIRY_MS;
  const tokens = new TokenStore(3600);
  const payments = new Map<string, WebPayment>();
  const orderIds = new Set<string>();
  const background = new Background();

  /** The payer has given a number: Orange asks for confirmation on that phone. */
  function awaitPayer(payment: WebPayment, outcome: TestOutcome): void {
    payment.status = "PENDING";
    payment.txnid = newTxnid();
    const answer = PAYER_ANSWERS.get(outcome);
    if (answer) background.after(approvalDelayMs, () => settle(payment, answer));
  }

  /** The payer's answer (or the expiry) lands, once; Orange notifies (an expiry as FAILED). */
  function settle(payment: WebPayment, answer: PayerAnswer): boolean {
    if (payment.status !== "INITIATED" && payment.status !== "PENDING") return false;
    payment.status = answer.status;
    if (answer.status === "FAILED") payment.reason = answer.reason;
    background.postJson(payment.request.notif_url, {
      status: answer.status === "SUCCESS" ? "SUCCESS" : "FAILED",
      notif_token: payment.notifToken,
      txnid: payment.txnid,
    });
    return true;
  }

  /**
   * Not Orange's API: the sandbox's way to answer for the payer at any time while the payment is
   * open (a late approval, for example). 404 for an unknown pay_token, 409 once it is final.
   */
  function answerAsPayer(res: ServerResponse, payToken: string, text: string | null): void {
    const body = text === null ? undefined : parseJson(text);
    const said = typeof body === "object" && body !== null ? (body as { answer?: unknown }).answer : undefined;
    const answer = typeof said === "string" ? SANDBOX_ANSWERS.get(said) : undefined;
    if (!answer) return sendJson(res, 400, orangeError(1, "Invalid request", `answer must be one of ${[...SANDBOX_ANSWERS.keys()].join(", ")}`));
    const payment = payments.get(payToken);
    if (!payment) return sendJson(res, 404, orangeError(3, "Transaction not found", "No transaction has this pay_token"));
    payment.txnid ??= newTxnid();
    if (!settle(payment, answer)) return sendJson(res, 409, orangeError(4, "Not pending", `The payment is already ${payment.status}`));
    return sendJson(res, 200, { status: payment.status, order_id: payment.request.order_id, txnid: payment.txnid });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (req.method === "POST" && path === "/oauth/v3/token") {
      if (!basicCredentials(req)) {
        return sendJson(res, 401, { error: "invalid_client", error_description: "Basic client_id:client_secret is required" });
      }
      const form = new URLSearchParams((await readBody(req)) ?? "");
      if (form.get("grant_type") !== "client_credentials") {
        return sendJson(res, 400, { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials" });
      }
      return sendJson(res, 200, { token_type: "Bearer", access_token: tokens.issue(), expires_in: tokens.lifetimeSeconds });
    }

    if (req.method === "POST" && (path === `${API}/webpayment` || path === `${API}/transactionstatus`)) {
      if (!tokens.accepts(req)) {
        return sendJson(res, 401, orangeError(41, "Invalid credentials", "A valid Bearer access token is required"));
      }
      const text = await readBody(req);
      const body = text === null ? undefined : parseJson(text);
      return path.endsWith("/webpayment") ? createPayment(res, body, url.origin) : transactionStatus(res, body);
    }

    const sandboxPayer = SANDBOX_PAYER_PATH.exec(path);
    if (req.method === "POST" && sandboxPayer) return answerAsPayer(res, sandboxPayer[1]!, await readBody(req));

    const page = PAGE_PATH.exec(path);
    if (page) {
      const payment = payments.get(page[1]!);
      if (!payment) return sendHtml(res, 404, renderPaymentMessage({ lang: "fr", message: "UNKNOWN" }));
      if (page[2]) return cancelPayment(res, payment, req.method);
      if (req.method === "GET") return showPayment(res, payment, path);
      if (req.method === "POST") return submitNumber(req, res, payment, path);
    }
    return sendJson(res, 404, orangeError(404, "Not found", `No ${req.method} ${path} in this API`));
  }

  function createPayment(res: ServerResponse, body: unknown, origin: string): void {
    const parsed = OrangeWebPaymentBodySchema.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, orangeError(1, "Invalid request", describeIssues(parsed.error)));
    const request = parsed.data;
    if (orderIds.has(request.order_id)) {
      return sendJson(res, 400, orangeError(2, "Duplicate order_id", `order_id ${request.order_id} was already used`));
    }
    const outcome = request.subscriber_msisdn === undefined ? null : testOutcomeFor(request.subscriber_msisdn);
    if (outcome === "PROVIDER_ERROR") return sendJson(res, 500, orangeError(500, "Internal error", "Simulated server error"));

    const payment: WebPayment = {
      request,
      payToken: randomBytes(16).toString("hex"),
      notifToken: randomBytes(16).toString("hex"),
      status: "INITIATED",
    };
    payments.set(payment.payToken, payment);
    orderIds.add(request.order_id);
    if (outcome !== null) awaitPayer(payment, outcome);
    if (requestExpiryMs > 0) background.after(requestExpiryMs, () => settle(payment, { status: "EXPIRED" }));
    return sendJson(res, 201, {
      status: 201,
      message: "OK",
      pay_token: payment.payToken,
      payment_url: `${origin}/payment/${payment.payToken}`,
      notif_token: payment.notifToken,
    });
  }

  function transactionStatus(res: ServerResponse, body: unknown): void {
    const parsed = OrangeTransactionStatusBodySchema.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, orangeError(1, "Invalid request", describeIssues(parsed.error)));
    const { order_id, amount, pay_token } = parsed.data;
    const payment = payments.get(pay_token);
    if (!payment || payment.request.order_id !== order_id || payment.request.amount !== amount) {
      return sendJson(res, 404, orangeError(3, "Transaction not found", "No transaction has this pay_token with this order_id and amount"));
    }
    return sendJson(res, 200, { status: payment.status, order_id, txnid: payment.txnid, reason: payment.reason });
  }

  function showPayment(res: ServerResponse, payment: WebPayment, path: string): void {
    const { lang, return_url } = payment.request;
    if (payment.status !== "INITIATED") {
      return sendHtml(res, 200, renderPaymentMessage({ lang, message: payment.status, returnUrl: return_url }));
    }
    return sendHtml(res, 200, renderPaymentForm(formView(payment, path)));
  }

  async function submitNumber(req: IncomingMessage, res: ServerResponse, payment: WebPayment, path: string): Promise<void> {
    const { lang, return_url } = payment.request;
    if (payment.status !== "INITIATED") {
      return sendHtml(res, 409, renderPaymentMessage({ lang, message: payment.status, returnUrl: return_url }));
    }
    const typed = new URLSearchParams((await readBody(req)) ?? "").get("msisdn") ?? "";
    let msisdn: string;
    try {
      msisdn = normalizeCameroonMobile(typed, "msisdn");
    } catch {
      return sendHtml(res, 400, renderPaymentForm({ ...formView(payment, path), msisdn: typed, error: "INVALID_NUMBER" }));
    }
    const outcome = testOutcomeFor(msisdn);
    // Orange's side fails before anything happens: the payer may try again.
    if (outcome === "PROVIDER_ERROR") {
      return sendHtml(res, 503, renderPaymentForm({ ...formView(payment, path), msisdn: typed, error: "UNAVAILABLE" }));
    }
    awaitPayer(payment, outcome);
    // The merchant's page takes over and follows the status while the payer confirms.
    return redirect(res, return_url);
  }

  /**
   * The page's Cancel link. A GET that changes state is fine for a sandbox page a person clicks;
   * the payer declining on Orange's page fails the payment, as declining on the phone does.
   */
  function cancelPayment(res: ServerResponse, payment: WebPayment, method: string | undefined): void {
    if (method !== "GET") return sendJson(res, 405, orangeError(405, "Method not allowed", "The cancel link takes GET"));
    if (payment.status === "INITIATED") settle(payment, { status: "FAILED", reason: "CANCELLED_BY_PAYER" });
    return redirect(res, payment.request.cancel_url);
  }

  return serve(options.port ?? 0, handle, background);
}

function formView(payment: WebPayment, path: string) {
  return {
    lang: payment.request.lang,
    amount: payment.request.amount,
    reference: payment.request.reference,
    action: path,
    cancelHref: `${path}/cancel`,
  };
}

/** Shaped like Orange's: MP<yymmdd>.<hhmm>.<a letter and 5 digits>. */
function newTxnid(): string {
  const [date = "", time = ""] = new Date().toISOString().split("T");
  const letter = String.fromCharCode(65 + randomInt(26));
  return `MP${date.slice(2).replaceAll("-", "")}.${time.slice(0, 5).replace(":", "")}.${letter}${String(randomInt(100_000)).padStart(5, "0")}`;
}
