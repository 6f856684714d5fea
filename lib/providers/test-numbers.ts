/**
 * The sandbox test numbers: the payer's number decides what the mock providers do with a
 * payment. Shown on the pay page of SANDBOX links and listed in the README, so each entry
 * carries its own English and French description. Safe to import from client components.
 */
import type { Provider } from "@/lib/domain/links/enums";

export const TEST_OUTCOMES = ["SUCCESS", "INSUFFICIENT_FUNDS", "PAYER_REJECTED", "PENDING", "PROVIDER_ERROR"] as const;
export type TestOutcome = (typeof TEST_OUTCOMES)[number];

export interface TestNumber {
  /** The 9 national digits, as a payer types them. */
  number: string;
  /** As stored and sent to the providers: 237 followed by the 9 digits. */
  msisdn: string;
  provider: Provider;
  outcome: TestOutcome;
  description: { en: string; fr: string };
}

function entry(number: string, provider: Provider, outcome: TestOutcome, en: string, fr: string): TestNumber {
  return { number, msisdn: `237${number}`, provider, outcome, description: { en, fr } };
}

export const TEST_NUMBERS: readonly TestNumber[] = [
  entry("670000001", "MTN_CAM", "SUCCESS", "The payer approves: the payment succeeds.", "Le payeur valide : le paiement réussit."),
  entry("670000002", "MTN_CAM", "INSUFFICIENT_FUNDS", "The payment fails: insufficient funds.", "Le paiement échoue : solde insuffisant."),
  entry("670000003", "MTN_CAM", "PAYER_REJECTED", "The payer rejects the payment.", "Le payeur refuse le paiement."),
  entry("670000004", "MTN_CAM", "PENDING", "No answer from the payer: the request expires after a few minutes and the payment fails.", "Pas de réponse du payeur : la demande expire au bout de quelques minutes et le paiement échoue."),
  entry("670000005", "MTN_CAM", "PROVIDER_ERROR", "MTN MoMo fails (server error) when the payment is started.", "MTN MoMo est en erreur (erreur serveur) au lancement du paiement."),
  entry("690000001", "ORANGE_CAM", "SUCCESS", "The payer approves: the payment succeeds.", "Le payeur valide : le paiement réussit."),
  entry("690000002", "ORANGE_CAM", "INSUFFICIENT_FUNDS", "The payment fails: insufficient funds.", "Le paiement échoue : solde insuffisant."),
  entry("690000003", "ORANGE_CAM", "PAYER_REJECTED", "The payer rejects the payment.", "Le payeur refuse le paiement."),
  entry("690000004", "ORANGE_CAM", "PENDING", "No answer from the payer: the request expires after a few minutes and the payment fails.", "Pas de réponse du payeur : la demande expire au bout de quelques minutes et le paiement échoue."),
  entry("690000005", "ORANGE_CAM", "PROVIDER_ERROR", "Orange Money fails (server error) when the payment is started.", "Orange Money est en erreur (erreur serveur) au lancement du paiement."),
];

const outcomeByNational = new Map(TEST_NUMBERS.map((test) => [test.number, test.outcome]));

/**
 * What the mocks do for a payer number (237XXXXXXXXX, the 9 national digits, or with +237 and
 * spaces). Every number outside the table succeeds. The two tables do not overlap, so the
 * lookup does not need the provider.
 */
export function testOutcomeFor(msisdn: string): TestOutcome {
  const digits = msisdn.replace(/\D/g, "").replace(/^(00)?237(?=\d{9}$)/, "");
  return outcomeByNational.get(digits) ?? "SUCCESS";
}

/** Whether a number (any of the forms testOutcomeFor reads) is one of the documented test numbers. */
export function isTestNumber(msisdn: string): boolean {
  return outcomeByNational.has(msisdn.replace(/\D/g, "").replace(/^(00)?237(?=\d{9}$)/, ""));
}
