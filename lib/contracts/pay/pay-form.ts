/**
 * The pay page's form as an HTTP exchange: it posts a plain urlencoded form (no JavaScript
 * needed) and is answered with a 303 to the page: the payment it started, or the form again
 * with what was wrong and what was typed. Anything but a form is a 400 that says so.
 */
import { isLang } from "@/lib/i18n/pay-page";
import { payPageUrl } from "@/lib/domain/links/urls";
import { isAppError } from "@/lib/errors";
import { readFormBody } from "@/lib/http/read-form-body";
import { startPaymentFromPayPage, type PayPageOutcome } from "@/lib/services/pay-page/start-payment-from-pay-page";

export interface PayFormFields {
  slug: string;
  provider: string;
  phone: string;
  lang: string;
  attempt: string;
  clientIp: string;
  baseUrl: string;
}

/** Handles one submission and says where the browser goes next. */
export async function submitPayForm(fields: PayFormFields): Promise<string> {
  const language = isLang(fields.lang) ? fields.lang : "fr";
  const outcome = await startPaymentFromPayPage({ ...fields, language });
  return payFormLocation(fields.slug, language, outcome, fields.phone);
}

export function payFormLocation(slug: string, lang: string, outcome: PayPageOutcome, phone: string): string {
  switch (outcome.kind) {
    case "started":
      return payPageUrl(slug, { lang, payment: outcome.paymentId });
    case "unavailable":
      return payPageUrl(slug, { lang });
    case "refused":
      return payPageUrl(slug, { lang, error: outcome.problem, phone, ...(outcome.provider && outcome.problem !== "provider" ? { provider: outcome.provider } : {}) });
  }
}

/** The form's fields, each cut at 100 characters; a body that is not a form is a 400. */
export async function answerPayForm(request: Request, context: Omit<PayFormFields, "provider" | "phone" | "lang" | "attempt">): Promise<Response> {
  let form: Record<string, string>;
  try {
    form = await readFormBody(request);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return new Response(error.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const field = (name: string) => (form[name] ?? "").slice(0, 100);
  const location = await submitPayForm({ ...context, provider: field("provider"), phone: field("phone"), lang: field("lang"), attempt: field("attempt") });
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
