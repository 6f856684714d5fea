/**
 * ISO 4217 minor-unit exponents. Every currency that Intl knows is accepted; its exponent is 2
 * unless listed here. (CLDR's display digits differ from ISO 4217 for a few codes, so the table
 * is ISO's, not Intl's.)
 */
const EXPONENT_OVERRIDES: Readonly<Record<string, number>> = {
  // zero decimals
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // three decimals
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // four decimals
  CLF: 4, UYW: 4,
};

/** Codes that are not money (precious metals, testing, SDR...): no minor unit, never accepted. */
const NOT_MONEY = new Set(["XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"]);

let known: Set<string> | undefined;

export function isKnownCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return /^[A-Z]{3}$/.test(code) && (known.has(code) || code in EXPONENT_OVERRIDES) && !NOT_MONEY.has(code);
}

/** Number of decimal places of the currency's minor unit (XAF 0, EUR 2, KWD 3). */
export function currencyExponent(code: string): number {
  if (!isKnownCurrency(code)) throw new RangeError(`Unknown currency: ${code}`);
  return EXPONENT_OVERRIDES[code] ?? 2;
}

/** The currencies the dashboard offers first; any known code is accepted through the APIs. */
export const FEATURED_CURRENCIES = ["XAF", "XOF", "EUR", "USD", "NGN", "GHS"] as const;

export const DEFAULT_CURRENCY = "XAF";
