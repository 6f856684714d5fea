import { currencyExponent } from "./currencies";

/**
 * Conversions between major units (what people and some contracts write: "10.50") and integer
 * minor units (what the product stores: 1050). Exact decimal arithmetic on strings and BigInt,
 * never floating point: "10.005" EUR is refused, not rounded.
 */

/** Largest amount the product accepts, in minor units (fits JavaScript's safe integers). */
export const MAX_AMOUNT_MINOR = 999_999_999_999;

export class MoneyFormatError extends Error {
  override name = "MoneyFormatError";
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a major-unit amount (a JSON number or a decimal string) into minor units.
 * Throws MoneyFormatError with a message fit for an API client when it is not exact.
 */
export function toMinorUnits(value: number | string, currency: string): number {
  const exponent = currencyExponent(currency);
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new MoneyFormatError("amount must be a finite number");
    // The shortest string that round-trips: 10.005 reads back as "10.005", so nothing hides.
    text = String(value);
  } else {
    text = value.trim();
  }
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyFormatError(`amount "${String(value)}" is not a decimal number`);
  const [, sign = "", whole = "", fraction = "", exp = "0"] = match;

  // digits * 10^(shift) exactly, with shift = exponent of notation - fraction length
  let digits = BigInt(whole + fraction);
  const shift = Number(exp) - fraction.length + exponent;
  if (shift >= 0) {
    digits *= 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    if (digits % divisor !== 0n) {
      throw new MoneyFormatError(
        exponent === 0
          ? `amount ${text} has decimals, but ${currency} has no minor unit`
          : `amount ${text} has more than ${exponent} decimal places, the precision of ${currency}`,
      );
    }
    digits /= divisor;
  }
  if (sign === "-" && digits !== 0n) digits = -digits;
  if (digits > BigInt(MAX_AMOUNT_MINOR) || digits < -BigInt(MAX_AMOUNT_MINOR)) {
    throw new MoneyFormatError(`amount ${text} is too large`);
  }
  return Number(digits);
}

/** Minor units to an exact major-unit decimal string: (1050, "EUR") -> "10.50", (5000, "XAF") -> "5000". */
export function toMajorString(minor: number, currency: string): string {
  assertMinor(minor);
  const exponent = currencyExponent(currency);
  const negative = minor < 0;
  const digits = Math.abs(minor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? "." + digits.slice(digits.length - exponent) : "";
  return (negative ? "-" : "") + whole + fraction;
}

/**
 * Minor units to a JSON number in major units, for contracts that send numbers (CM's 10.00).
 * Parsing the exact decimal string gives the double nearest to it, which prints back the same.
 */
export function toMajorNumber(minor: number, currency: string): number {
  return Number(toMajorString(minor, currency));
}

function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minor units must be a safe integer, got ${minor}`);
}

/**
 * A stored amount (PostgreSQL BIGINT, read as a bigint) as the domain's integer of minor units.
 * Every amount passes MAX_AMOUNT_MINOR on the way in, so this never loses a unit; it checks anyway.
 */
export function fromStoredMinor(stored: bigint): number {
  const minor = Number(stored);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`stored amount ${stored} is beyond the safe integer range`);
  return minor;
}
