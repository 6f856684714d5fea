import { currencyExponent } from "./currencies";
import { toMajorString } from "./convert";

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Display an amount for people: formatMoney(1050, "EUR", "fr-CM") -> "10,50 €",
 * formatMoney(5000, "XAF", "fr-CM") -> "5 000 FCFA". The decimal string is formatted exactly.
 */
export function formatMoney(minor: number, currency: string, locale = "fr-CM"): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(toMajorString(minor, currency) as Intl.StringNumericLiteral);
}
