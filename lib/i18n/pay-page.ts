/**
 * The pay page's words in French and English. Customers in Cameroon read either; the page
 * takes the link's language, else the browser's, and offers a switch.
 */
import type { GoneReason } from "@/lib/errors";

export const LANGUAGES = ["fr", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LOCALE: Record<Lang, string> = { fr: "fr-CM", en: "en-CM" };

export function isLang(value: unknown): value is Lang {
  return value === "fr" || value === "en";
}

/** ?lang= first, then the link's language, then Accept-Language, then the merchant's default. */
export function resolveLanguage(options: {
  requested?: string | null;
  link?: string | null;
  acceptLanguage?: string | null;
  fallback?: string | null;
}): Lang {
  if (isLang(options.requested)) return options.requested;
  if (isLang(options.link)) return options.link;
  const preferred = (options.acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => isLang(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q)[0];
  if (preferred) return preferred.lang as Lang;
  return isLang(options.fallback) ? options.fallback : "fr";
}

type FailureWords = Record<
  "INSUFFICIENT_FUNDS" | "PAYER_REJECTED" | "PAYER_NOT_FOUND" | "LIMIT_REACHED" | "TIMEOUT" | "PROVIDER_ERROR" | "UNKNOWN",
  string
>;

export interface PayMessages {
  skipToContent: string;
  switchTo: string;
  payTo: string;
  testMode: string;
  testModeExplained: string;
  chooseProvider: string;
  providerNames: { MTN_CAM: string; ORANGE_CAM: string };
  phoneLabel: string;
  phoneHint: string;
  pay: (amount: string) => string;
  scanToPay: string;
  testNumbers: string;
  testNumber: string;
  testOutcome: string;
  errors: { phone: string; provider: string; providerDown: (provider: string) => string; rate: string };
  approveTitle: string;
  approveText: (provider: string) => string;
  ussdFallback: (code: string) => string;
  openProviderPage: string;
  checkStatus: string;
  waiting: string;
  receiptTitle: string;
  receipt: { amount: string; merchant: string; transaction: string; date: string; provider: string; phone: string };
  print: string;
  failedTitle: string;
  failure: FailureWords;
  retry: string;
  gone: Record<GoneReason, { title: string; text: string }>;
  notFoundTitle: string;
  notFoundText: string;
  /** The database cannot answer: the page cannot be shown now (a 503). */
  busyTitle: string;
  busyText: string;
}

export const MESSAGES: Record<Lang, PayMessages> = {
  fr: {
    skipToContent: "Aller au contenu principal",
    switchTo: "English",
    payTo: "Paiement à",
    testMode: "Mode test",
    testModeExplained: "Ce lien est en mode test : aucun argent réel ne sera débité.",
    chooseProvider: "Payer avec",
    providerNames: { MTN_CAM: "MTN Mobile Money", ORANGE_CAM: "Orange Money" },
    phoneLabel: "Numéro de téléphone Mobile Money",
    phoneHint: "9 chiffres, par exemple 671 23 45 67",
    pay: (amount) => `Payer ${amount}`,
    scanToPay: "Scannez pour payer depuis un autre téléphone",
    testNumbers: "Numéros de test",
    testNumber: "Numéro",
    testOutcome: "Résultat",
    errors: {
      phone: "Entrez un numéro mobile camerounais valide : 9 chiffres commençant par 6, par exemple 671234567.",
      provider: "Choisissez MTN Mobile Money ou Orange Money.",
      providerDown: (provider) => `${provider} ne répond pas pour le moment. Votre paiement n'a pas été lancé et rien n'a été débité. Réessayez dans un instant ou choisissez un autre opérateur.`,
      rate: "Trop de tentatives depuis cet appareil. Patientez une minute puis réessayez.",
    },
    approveTitle: "Validez le paiement sur votre téléphone",
    approveText: (provider) => `${provider} vous envoie une demande de paiement. Entrez votre code secret sur votre téléphone pour valider.`,
    ussdFallback: (code) => `Pas de demande reçue ? Composez ${code} et suivez le menu pour valider les paiements en attente.`,
    openProviderPage: "Ou valider sur la page Orange Money",
    checkStatus: "Actualiser le statut",
    waiting: "En attente de votre validation…",
    receiptTitle: "Paiement réussi",
    receipt: { amount: "Montant", merchant: "Marchand", transaction: "Référence de transaction", date: "Date", provider: "Opérateur", phone: "Téléphone" },
    print: "Imprimer le reçu",
    failedTitle: "Le paiement a échoué",
    failure: {
      INSUFFICIENT_FUNDS: "Le solde de votre compte est insuffisant.",
      PAYER_REJECTED: "Le paiement a été refusé sur le téléphone.",
      PAYER_NOT_FOUND: "Ce numéro n'a pas de compte Mobile Money.",
      LIMIT_REACHED: "Votre plafond de paiement est atteint.",
      TIMEOUT: "Le paiement n'a pas été validé à temps.",
      PROVIDER_ERROR: "L'opérateur n'a pas pu traiter le paiement.",
      UNKNOWN: "L'opérateur a refusé le paiement.",
    },
    retry: "Réessayer",
    gone: {
      PAID: { title: "Ce lien a déjà été payé", text: "Il n'y a plus rien à payer. Contactez le marchand si vous pensez qu'il s'agit d'une erreur." },
      CANCELLED: { title: "Ce lien a été annulé", text: "Le marchand a annulé ce lien de paiement. Demandez-lui un nouveau lien." },
      EXPIRED: { title: "Ce lien a expiré", text: "La date limite de paiement est passée. Demandez un nouveau lien au marchand." },
      EXHAUSTED: { title: "Ce lien a atteint son nombre maximal d'utilisations", text: "Des paiements sont en cours pour toutes les utilisations. Réessayez plus tard ou contactez le marchand." },
      UNAVAILABLE: { title: "Ce lien n'est plus disponible", text: "Demandez un nouveau lien au marchand." },
      INACTIVE: { title: "Ce lien a été désactivé", text: "Le marchand a désactivé ce lien de paiement : il ne peut pas être payé pour le moment. Contactez le marchand." },
    },
    notFoundTitle: "Lien de paiement introuvable",
    notFoundText: "Vérifiez l'adresse ou demandez un nouveau lien au marchand.",
    busyTitle: "Service momentanément indisponible",
    busyText: "Réessayez dans un instant : rien n'a été débité.",
  },
  en: {
    skipToContent: "Skip to main content",
    switchTo: "Français",
    payTo: "Payment to",
    testMode: "Test mode",
    testModeExplained: "This link is in test mode: no real money will be taken.",
    chooseProvider: "Pay with",
    providerNames: { MTN_CAM: "MTN Mobile Money", ORANGE_CAM: "Orange Money" },
    phoneLabel: "Mobile Money phone number",
    phoneHint: "9 digits, for example 671 23 45 67",
    pay: (amount) => `Pay ${amount}`,
    scanToPay: "Scan to pay from another phone",
    testNumbers: "Test numbers",
    testNumber: "Number",
    testOutcome: "Outcome",
    errors: {
      phone: "Enter a valid Cameroon mobile number: 9 digits starting with 6, such as 671234567.",
      provider: "Choose MTN Mobile Money or Orange Money.",
      providerDown: (provider) => `${provider} is not answering right now. Your payment was not started and nothing was taken. Try again in a moment or choose the other operator.`,
      rate: "Too many attempts from this device. Wait a minute, then try again.",
    },
    approveTitle: "Approve the payment on your phone",
    approveText: (provider) => `${provider} is sending you a payment request. Enter your PIN on your phone to approve it.`,
    ussdFallback: (code) => `No request? Dial ${code} and follow the menu to approve pending payments.`,
    openProviderPage: "Or approve on the Orange Money page",
    checkStatus: "Refresh status",
    waiting: "Waiting for your approval…",
    receiptTitle: "Payment successful",
    receipt: { amount: "Amount", merchant: "Merchant", transaction: "Transaction reference", date: "Date", provider: "Operator", phone: "Phone" },
    print: "Print receipt",
    failedTitle: "The payment failed",
    failure: {
      INSUFFICIENT_FUNDS: "There is not enough money in your account.",
      PAYER_REJECTED: "The payment was declined on the phone.",
      PAYER_NOT_FOUND: "This number has no Mobile Money account.",
      LIMIT_REACHED: "Your payment limit has been reached.",
      TIMEOUT: "The payment was not approved in time.",
      PROVIDER_ERROR: "The operator could not process the payment.",
      UNKNOWN: "The operator declined the payment.",
    },
    retry: "Try again",
    gone: {
      PAID: { title: "This link has already been paid", text: "There is nothing left to pay. Contact the merchant if you think this is a mistake." },
      CANCELLED: { title: "This link has been cancelled", text: "The merchant cancelled this payment link. Ask them for a new one." },
      EXPIRED: { title: "This link has expired", text: "The payment deadline has passed. Ask the merchant for a new link." },
      EXHAUSTED: { title: "This link has reached its maximum number of uses", text: "Payments are in progress for every use. Try again later or contact the merchant." },
      UNAVAILABLE: { title: "This link is no longer available", text: "Ask the merchant for a new link." },
      INACTIVE: { title: "This link has been deactivated", text: "The merchant deactivated this payment link: it cannot be paid for now. Contact the merchant." },
    },
    notFoundTitle: "Payment link not found",
    notFoundText: "Check the address, or ask the merchant for a new link.",
    busyTitle: "Briefly unavailable",
    busyText: "Try again in a moment: nothing was charged.",
  },
};

export const USSD_CODES = { MTN_CAM: "*126#", ORANGE_CAM: "#150#" } as const;
