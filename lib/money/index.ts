export { currencyExponent, isKnownCurrency, DEFAULT_CURRENCY, FEATURED_CURRENCIES } from "./currencies";
export { toMinorUnits, toMajorString, toMajorNumber, fromStoredMinor, MoneyFormatError, MAX_AMOUNT_MINOR } from "./convert";
export { formatMoney } from "./format";
