import { z } from "zod";
import { AppError, AppErrorCode } from "@/lib/errors";

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
  const issues = result.error.issues.map((issue) => {
    const field = issue.path.map((part) => snakeCase(String(part))).join(".") || "body";
    return issue.code === "unrecognized_keys"
      ? { field: issue.path.length ? `${field}.${issue.keys[0]!}` : issue.keys[0]!, message: `unknown field: ${issue.keys.join(", ")}` }
      : { field, message: issue.message };
  });
  const first = issues[0]!;
  throw new AppError(AppErrorCode.VALIDATION, first.message, { field: first.field, issues });
}
