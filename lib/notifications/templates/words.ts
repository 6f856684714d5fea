/**
 * The words of the emails and SMS the product sends to payers and merchants, in French and
 * English. Values passed in are already formatted for the language (amounts, dates).
 */
import type { Lang } from "@/lib/i18n/pay-page";

export interface NotificationWords {
  greeting: string;
  signOff: string;
  footer: string;
  providerNames: { MTN_CAM: string; ORANGE_CAM: string };
  link: {
    subject: (merchant: string, amount: string) => string;
    request: (merchant: string, amount: string) => string;
    for: string;
    payNow: string;
    howToPay: string;
    expires: (date: string) => string;
    sandbox: string;
    notExpected: string;
    sms: (merchant: string, amount: string, description: string | null, url: string) => string;
  };
  receipt: {
    subject: (merchant: string, amount: string) => string;
    title: string;
    intro: (merchant: string) => string;
    sandbox: string;
    keep: string;
  };
  merchantPayment: {
    subject: (amount: string, description: string | null) => string;
    title: string;
    intro: (amount: string) => string;
    sandbox: string;
    open: string;
    why: string;
  };
  fields: {
    amount: string;
    merchant: string;
    description: string;
    transaction: string;
    provider: string;
    phone: string;
    date: string;
    reference: string;
  };
}

export const NOTIFICATION_WORDS: Record<Lang, NotificationWords> = {
  fr: {
    greeting: "Bonjour,",
    signOff: "Merci,",
    footer: "Message envoyé par Paylinks pour le compte du marchand. Paiements sécurisés par MTN Mobile Money et Orange Money.",
    providerNames: { MTN_CAM: "MTN Mobile Money", ORANGE_CAM: "Orange Money" },
    link: {
      subject: (merchant, amount) => `${merchant} vous demande un paiement de ${amount}`,
      request: (merchant, amount) => `${merchant} vous demande un paiement de ${amount}.`,
      for: "Objet",
      payNow: "Payer maintenant",
      howToPay: "Vous pouvez payer depuis votre téléphone avec MTN Mobile Money ou Orange Money.",
      expires: (date) => `Ce lien expire le ${date}.`,
      sandbox: "Lien de test : aucun argent réel ne sera débité.",
      notExpected: "Si vous n'attendiez pas ce message, vous pouvez l'ignorer.",
      sms: (merchant, amount, description, url) =>
        `${merchant} : paiement de ${amount}${description ? ` (${description})` : ""}. Payez ici : ${url}`,
    },
    receipt: {
      subject: (merchant, amount) => `Reçu : paiement de ${amount} à ${merchant}`,
      title: "Paiement réussi",
      intro: (merchant) => `Votre paiement à ${merchant} a bien été reçu. Voici votre reçu.`,
      sandbox: "Paiement de test : aucun argent réel n'a été débité.",
      keep: "Conservez ce message comme preuve de paiement.",
    },
    merchantPayment: {
      subject: (amount, description) => `Paiement reçu : ${amount}${description ? ` pour ${description}` : ""}`,
      title: "Nouveau paiement reçu",
      intro: (amount) => `Vous avez reçu un paiement de ${amount}.`,
      sandbox: "Paiement de test (sandbox) : aucun argent réel n'a été encaissé.",
      open: "Voir le lien dans le tableau de bord",
      why: "Vous recevez cet email car les notifications de paiement sont activées dans vos paramètres.",
    },
    fields: {
      amount: "Montant",
      merchant: "Marchand",
      description: "Objet",
      transaction: "Référence de transaction",
      provider: "Opérateur",
      phone: "Téléphone",
      date: "Date",
      reference: "Référence",
    },
  },
  en: {
    greeting: "Hello,",
    signOff: "Thank you,",
    footer: "Sent by Paylinks on behalf of the merchant. Payments secured by MTN Mobile Money and Orange Money.",
    providerNames: { MTN_CAM: "MTN Mobile Money", ORANGE_CAM: "Orange Money" },
    link: {
      subject: (merchant, amount) => `${merchant} requests a payment of ${amount}`,
      request: (merchant, amount) => `${merchant} requests a payment of ${amount}.`,
      for: "For",
      payNow: "Pay now",
      howToPay: "You can pay from your phone with MTN Mobile Money or Orange Money.",
      expires: (date) => `This link expires on ${date}.`,
      sandbox: "Test link: no real money will be taken.",
      notExpected: "If you were not expecting this message, you can ignore it.",
      sms: (merchant, amount, description, url) =>
        `${merchant}: payment request of ${amount}${description ? ` (${description})` : ""}. Pay here: ${url}`,
    },
    receipt: {
      subject: (merchant, amount) => `Receipt: payment of ${amount} to ${merchant}`,
      title: "Payment successful",
      intro: (merchant) => `Your payment to ${merchant} has been received. Here is your receipt.`,
      sandbox: "Test payment: no real money was taken.",
      keep: "Keep this message as proof of payment.",
    },
    merchantPayment: {
      subject: (amount, description) => `Payment received: ${amount}${description ? ` for ${description}` : ""}`,
      title: "New payment received",
      intro: (amount) => `You have received a payment of ${amount}.`,
      sandbox: "Test payment (sandbox): no real money was collected.",
      open: "See the link in the dashboard",
      why: "You receive this email because payment notifications are turned on in your settings.",
    },
    fields: {
      amount: "Amount",
      merchant: "Merchant",
      description: "For",
      transaction: "Transaction reference",
      provider: "Operator",
      phone: "Phone",
      date: "Date",
      reference: "Reference",
    },
  },
};
