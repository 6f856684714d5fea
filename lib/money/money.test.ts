import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, fromStoredMinor, isKnownCurrency, MoneyFormatError, toMajorNumber, toMajorString, toMinorUnits } from "@/lib/money";

describe("currencyExponent (ISO 4217)", () => {
  it.each([
    ["XAF", 0],
    ["XOF", 0],
    ["JPY", 0],
    ["EUR", 2],
    ["USD", 2],
    ["NGN", 2],
    ["GHS", 2],
    ["KWD", 3],
    ["TND", 3],
    ["CLF", 4],
  ])("%s has %i decimals", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it.each(["ABC", "eur", "EURO", "", "XAU", "XXX"])("refuses %j", (code) => {
    expect(isKnownCurrency(code)).toBe(false);
    expect(() => currencyExponent(code)).toThrow(RangeError);
  });
});

describe("toMinorUnits", () => {
  it.each([
    [10000, "XAF", 10000],
    ["10000", "XAF", 10000],
    [10, "EUR", 1000],
    [10.5, "EUR", 1050],
    ["10.50", "EUR", 1050],
    [0.1, "EUR", 10],
    [0.07, "EUR", 7],
    [1.15, "EUR", 115],
    [4.35, "EUR", 435],
    [99999999.99, "EUR", 9999999999],
    ["99999999.99", "EUR", 9999999999],
    ["1.234", "KWD", 1234],
    ["1e3", "XAF", 1000],
    ["1.5E2", "EUR", 15000],
    [" 12.30 ", "EUR", 1230],
    ["-5.00", "EUR", -500],
    ["1000.000", "XAF", 1000],
  ])("%j %s -> %i", (value, currency, minor) => {
    expect(toMinorUnits(value, currency)).toBe(minor);
  });

  it.each([
    [10.005, "EUR", /more than 2 decimal places/],
    ["10.005", "EUR", /more than 2 decimal places/],
    ["10.5", "XAF", /XAF has no minor unit/],
    [0.5, "XAF", /no minor unit/],
    ["1.2345", "KWD", /more than 3 decimal places/],
    ["abc", "EUR", /not a decimal number/],
    ["", "EUR", /not a decimal number/],
    ["10,50", "EUR", /not a decimal number/],
    ["1.", "EUR", /not a decimal number/],
    [".5", "EUR", /not a decimal number/],
    ["0x10", "EUR", /not a decimal number/],
    [Number.NaN, "EUR", /finite/],
    [Number.POSITIVE_INFINITY, "EUR", /finite/],
    ["1e13", "XAF", /too large/],
    [1e300, "EUR", /too large/],
  ])("refuses %j %s", (value, currency, message) => {
    expect(() => toMinorUnits(value as number | string, currency)).toThrow(MoneyFormatError);
    expect(() => toMinorUnits(value as number | string, currency)).toThrow(message);
  });

  it("refuses an unknown currency", () => {
    expect(() => toMinorUnits(10, "ABC")).toThrow(RangeError);
  });
});

describe("toMajorString / toMajorNumber", () => {
  it.each([
    [1050, "EUR", "10.50"],
    [5, "EUR", "0.05"],
    [0, "EUR", "0.00"],
    [10000, "XAF", "10000"],
    [1234, "KWD", "1.234"],
    [-500, "EUR", "-5.00"],
    [9999999999, "EUR", "99999999.99"],
  ])("%i %s -> %s", (minor, currency, major) => {
    expect(toMajorString(minor, currency)).toBe(major);
  });

  it("round-trips 99999999.99 exactly, as a string and as a JSON number", () => {
    const minor = toMinorUnits(99999999.99, "EUR");
    expect(toMajorString(minor, "EUR")).toBe("99999999.99");
    expect(toMajorNumber(minor, "EUR")).toBe(99999999.99);
    expect(JSON.stringify({ amount: toMajorNumber(minor, "EUR") })).toBe('{"amount":99999999.99}');
    expect(toMinorUnits(JSON.parse(JSON.stringify({ a: toMajorNumber(minor, "EUR") })).a, "EUR")).toBe(minor);
  });

  it("refuses minor units that are not integers", () => {
    expect(() => toMajorString(10.5, "EUR")).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

  it("formats XAF without decimals and EUR with two, per locale", () => {
    expect(nbsp(formatMoney(5000, "XAF", "fr-CM"))).toBe("5 000 FCFA");
    expect(nbsp(formatMoney(1050, "EUR", "fr-FR"))).toBe("10,50 €");
    expect(formatMoney(1050, "EUR", "en-US")).toBe("€10.50");
    expect(formatMoney(4900, "USD", "en-US")).toBe("$49.00");
  });

  it("formats large amounts exactly", () => {
    expect(formatMoney(9999999999, "EUR", "en-US")).toBe("€99,999,999.99");
  });
});

describe("fromStoredMinor", () => {
  it("reads a stored BIGINT amount as an integer of minor units, refusing one beyond safe integers", () => {
    expect(fromStoredMinor(9_999_999_999n)).toBe(9_999_999_999);
    expect(() => fromStoredMinor(2n ** 60n)).toThrow(RangeError);
  });
});
