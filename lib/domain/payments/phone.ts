import { validationError } from "@/lib/errors";

/**
 * A Cameroon mobile number as the providers want it: 237 followed by 9 digits starting with 6
 * (E.164 without the plus). Accepts 671234567, 237671234567, +237 6 71 23 45 67, 00237...
 */
export function normalizeCameroonMobile(input: string | number, field = "phone_number"): string {
  const raw = String(input).replace(/[\s.()-]/g, "");
  const digits = raw.replace(/^(\+|00)/, "");
  const national = /^237\d{9}$/.test(digits) ? digits.slice(3) : digits;
  if (!/^6\d{8}$/.test(national)) {
    throw validationError(field, `${field} must be a Cameroon mobile number: 9 digits starting with 6, such as 671234567`);
  }
  return "237" + national;
}
