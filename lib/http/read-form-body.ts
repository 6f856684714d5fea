import { validationError } from "@/lib/errors";
import { readBodyText } from "./read-json-body";

/**
 * Reads an `application/x-www-form-urlencoded` body into an object of strings (the last value
 * of a repeated name wins). Anything else (JSON, multipart, garbage) is a VALIDATION error on
 * "body" that says what was expected, never an exception from the platform's form parser.
 */
export async function readFormBody(request: Request, { optional = false } = {}): Promise<Record<string, string>> {
  const text = await readBodyText(request);
  if (text.trim() === "") {
    if (optional) return {};
    throw validationError("body", "Request body is required: send an application/x-www-form-urlencoded form");
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!isFormContentType(contentType)) {
    throw validationError("body", `Content-Type must be application/x-www-form-urlencoded (got ${contentType ? `"${contentType}"` : "none"})`);
  }
  return formToObject(text);
}

export function isFormContentType(contentType: string): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(contentType);
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
