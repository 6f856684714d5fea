import { z } from "zod";
import { validationError } from "@/lib/errors";

/** "maxUses" -> "max_uses": the domain names fields the way the APIs spell them. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => "_" + letter.toLowerCase());
}

/**
 * Parses domain input with a zod schema; the first problem becomes a VALIDATION error that
 * names the field. Messages in the schemas already name their field.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map((part) => snakeCase(String(part))).join(".") || "body";
  const message = issue.code === "unrecognized_keys" ? `unknown field: ${issue.keys.join(", ")}` : issue.message;
  throw validationError(issue.code === "unrecognized_keys" ? issue.keys[0]! : field, message);
}
