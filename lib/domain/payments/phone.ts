import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { validationError } from "@/lib/errors";

/**
 * A Cameroon mobile number as the providers want it: 237 followed by the 9 national digits
 * (E.164 without the plus). Accepts 671234567, 237671234567, +237 6 71 23 45 67, 00237...
 * libphonenumber's numbering plan decides what is a valid Cameroon mobile number.
 */
export function normalizeCameroonMobile(input: string | number, field = "phone_number"): string {
  const text = String(input).trim();
  // "237671234567" without a plus is the national prefix written out, as MSISDNs are.
  const candidate = /^237\d{9}$/.test(text.replace(/[\s.()-]/g, "")) ? `+${text.replace(/[\s.()-]/g, "")}` : text;
  const phone = text.length <= 32 ? parsePhoneNumberFromString(candidate, "CM") : undefined;
  const type = phone?.getType();
  if (!phone || !phone.isValid() || phone.country !== "CM" || (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE")) {
    throw validationError(field, `${field} must be a Cameroon mobile number: 9 digits starting with 6, such as 671234567`);
  }
  return phone.number.slice(1);
}
