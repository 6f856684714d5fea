/**
 * The mock's payment_url: Orange's hosted page, reduced to what a sandbox payer needs. Plain
 * server-rendered HTML (a form, no JavaScript), in the payment's language.
 */
import { formatMoney } from "@/lib/money";
import { TEST_NUMBERS } from "@/lib/providers/test-numbers";

type Lang = "fr" | "en";

const TEXT = {
  fr: {
    title: "Orange Money : paiement",
    sandbox: "Simulateur de test : aucun argent réel ne circule.",
    paying: (amount: string, reference: string) => `Vous payez <strong>${amount}</strong> pour « ${reference} ».`,
    numberLabel: "Votre numéro Orange Money",
    numberHint: "9 chiffres, par exemple 690000001.",
    confirm: "Confirmer",
    cancel: "Annuler et revenir chez le marchand",
    testNumbers: "Numéros de test",
    back: "Revenir chez le marchand",
    errors: {
      INVALID_NUMBER: "Saisissez un numéro mobile camerounais : 9 chiffres commençant par 6.",
      UNAVAILABLE: "Orange Money est momentanément indisponible (erreur serveur simulée). Réessayez ou utilisez un autre numéro.",
    },
    messages: {
      PENDING: "Paiement en attente : confirmez-le sur votre téléphone (ou composez le #150#).",
      SUCCESS: "Paiement réussi.",
      FAILED: "Le paiement a échoué.",
      EXPIRED: "Ce paiement a expiré.",
      UNKNOWN: "Ce paiement n'existe pas.",
    },
  },
  en: {
    title: "Orange Money: payment",
    sandbox: "Test simulator: no real money moves.",
    paying: (amount: string, reference: string) => `You are paying <strong>${amount}</strong> for “${reference}”.`,
    numberLabel: "Your Orange Money number",
    numberHint: "9 digits, for example 690000001.",
    confirm: "Confirm",
    cancel: "Cancel and return to the merchant",
    testNumbers: "Test numbers",
    back: "Return to the merchant",
    errors: {
      INVALID_NUMBER: "Enter a Cameroon mobile number: 9 digits starting with 6.",
      UNAVAILABLE: "Orange Money is unavailable for now (simulated server error). Try again or use another number.",
    },
    messages: {
      PENDING: "Payment pending: confirm it on your phone (or dial #150#).",
      SUCCESS: "Payment successful.",
      FAILED: "The payment failed.",
      EXPIRED: "This payment has expired.",
      UNKNOWN: "This payment does not exist.",
    },
  },
} as const;

export type FormError = keyof (typeof TEXT)["en"]["errors"];
export type PaymentMessage = keyof (typeof TEXT)["en"]["messages"];

export interface PaymentFormView {
  lang: Lang;
  amount: number;
  reference: string;
  /** Where the form posts: the page's own path. */
  action: string;
  cancelHref: string;
  /** The number typed, shown again with `error` when it was refused. */
  msisdn?: string;
  error?: FormError;
}

export function renderPaymentForm(view: PaymentFormView): string {
  const text = TEXT[view.lang];
  const amount = formatMoney(view.amount, "XAF", view.lang === "fr" ? "fr-CM" : "en-CM");
  const describedBy = view.error ? "msisdn-hint msisdn-error" : "msisdn-hint";
  const testNumbers = TEST_NUMBERS.filter((test) => test.provider === "ORANGE_CAM")
    .map((test) => `<li><code>${test.number}</code>: ${escapeHtml(test.description[view.lang])}</li>`)
    .join("");
  return page(
    view.lang,
    text.title,
    `<p>${text.paying(escapeHtml(amount), escapeHtml(view.reference))}</p>
<form method="post" action="${escapeHtml(view.action)}">
  <label for="msisdn">${text.numberLabel}</label>
  <input id="msisdn" name="msisdn" type="tel" inputmode="tel" autocomplete="tel" required
    aria-describedby="${describedBy}"${view.error ? ' aria-invalid="true"' : ""} value="${escapeHtml(view.msisdn ?? "")}">
  <p id="msisdn-hint" class="hint">${text.numberHint}</p>
  ${view.error ? `<p id="msisdn-error" class="error" role="alert">${text.errors[view.error]}</p>` : ""}
  <button type="submit">${text.confirm}</button>
</form>
<p><a href="${escapeHtml(view.cancelHref)}">${text.cancel}</a></p>
<details><summary>${text.testNumbers}</summary><ul>${testNumbers}</ul></details>`,
  );
}

/** A page with one message and, when the payer can go back, a link to the merchant. */
export function renderPaymentMessage(view: { lang: Lang; message: PaymentMessage; returnUrl?: string }): string {
  const text = TEXT[view.lang];
  const back = view.returnUrl ? `<p><a href="${escapeHtml(view.returnUrl)}">${text.back}</a></p>` : "";
  return page(view.lang, text.title, `<p role="status">${text.messages[view.message]}</p>${back}`);
}

function page(lang: Lang, title: string, content: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f4; color: #111; }
  main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-top: 6px solid #ff7900; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .sandbox { background: #fff3e0; padding: 0.5rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { font-size: 1.1rem; padding: 0.5rem; width: 100%; box-sizing: border-box; }
  .hint { color: #444; margin: 0.25rem 0 1rem; }
  .error { color: #b00020; font-weight: 600; }
  button { font-size: 1.1rem; padding: 0.6rem 1.2rem; background: #ff7900; color: #000; border: 0; cursor: pointer; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>Orange Money</h1>
<p class="sandbox">${TEXT[lang].sandbox}</p>
${content}
</main>
</body>
</html>
`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
