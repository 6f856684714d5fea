import { validationError } from "@/lib/errors";
import { readTypedBody } from "./read-json-body";

/**
 * Reads an `application/x-www-form-urlencoded` body into an object of strings (the last value
 * of a repeated name wins). Anything else (JSON, multipart, garbage) is a VALIDATION error on
 * "body" that says what was expected, never an exception from the platform's form parser.
 */
export async function readFormBody(request: Request, { optional = false } = {}): Promise<Record<string, string>> {
  const text = await readTypedBody(request, { optional, mediaType: FORM, what: `an ${FORM} form`, accepts: FORM_TYPE });
  return text === null ? {} : formToObject(text);
}

const FORM = "application/x-www-form-urlencoded";
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

export function isFormContentType(contentType: string): boolean {
  return FORM_TYPE.test(contentType);
}

/** Decodes a urlencoded text; malformed percent-encoding is a VALIDATION error, not a crash. */
export function formToObject(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const name = decodeFormComponent(eq < 0 ? pair : pair.slice(0, eq));
    out[name] = decodeFormComponent(eq < 0 ? "" : pair.slice(eq + 1));
  }
  return out;
}

function decodeFormComponent(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    throw validationError("body", "Form body has malformed percent-encoding");
  }
}
