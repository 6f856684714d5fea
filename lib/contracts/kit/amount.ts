import { validationError } from "@/lib/errors";
import { isKnownCurrency, MoneyFormatError, toMinorUnits } from "@/lib/money";

/**
 * A major-unit amount as a contract sends it (`10000` XAF, `10.00` or `"99999999.99"` EUR) to
 * exact minor units of its currency, for every contract that speaks major units. An unknown
 * currency or an amount the currency cannot hold (`10.005` EUR) is a VALIDATION error naming
 * the domain fields `currency` and `amount` (each contract renames them on the way out).
 */
export function parseMajorAmount(amount: number | string, currencyCode: string): { amountMinor: number; currency: string } {
  const currency = currencyCode.trim().toUpperCase();
  if (!isKnownCurrency(currency)) throw validationError("currency", "currency must be an ISO 4217 currency code, such as XAF or EUR");
  try {
    return { amountMinor: toMinorUnits(amount, currency), currency };
  } catch (error) {
    if (error instanceof MoneyFormatError) throw validationError("amount", error.message);
    throw error;
  }
}
