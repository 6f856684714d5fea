import { validationError } from "@/lib/errors";
import { maxBodyBytes } from "@/lib/config/limits";

/**
 * Reads a JSON object body the way every contract wants it: a JSON content type, a size limit,
 * well-formed JSON, an object (not an array or a scalar). Each problem is a VALIDATION error
 * on the field "body" with a message that says what is wrong.
 */
export async function readJsonBody(request: Request, { optional = false } = {}): Promise<Record<string, unknown>> {
  const text = await readTypedBody(request, { optional, mediaType: "application/json", what: "a JSON object", accepts: /^application\/([a-z.+-]*\+)?json\b/i });
  if (text === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw validationError("body", `Malformed JSON body: ${error instanceof Error ? error.message : "cannot be parsed"}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw validationError("body", `Request body must be a JSON object, not ${Array.isArray(parsed) ? "an array" : parsed === null ? "null" : typeof parsed}`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * The body as text when it is of the expected media type; null when it is empty and optional.
 * An empty required body and another content type are VALIDATION errors saying what to send.
 */
export async function readTypedBody(
  request: Request,
  expected: { optional: boolean; mediaType: string; what: string; accepts: RegExp },
): Promise<string | null> {
  const text = await readBodyText(request);
  if (text.trim() === "") {
    if (expected.optional) return null;
    throw validationError("body", `Request body is required: send ${expected.what}`);
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!expected.accepts.test(contentType)) {
    throw validationError("body", `Content-Type must be ${expected.mediaType} (got ${contentType ? `"${contentType}"` : "none"})`);
  }
  return text;
}

/** The body as UTF-8 text, refusing more than MAX_BODY_BYTES before reading it all. */
export async function readBodyText(request: Request): Promise<string> {
  const limit = maxBodyBytes();
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw validationError("body", "Request body is not valid UTF-8");
  }
}

function tooLarge(limit: number) {
  return validationError("body", `Request body is too large: the limit is ${limit} bytes`);
}
