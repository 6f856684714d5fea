import { decodePathSegment } from "@/lib/http/input-guard";

/** The names of a template's parameters: /a/{id}/b/{ref} -> ["id", "ref"]. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

const cache = new Map<string, RegExp>();

/** A template as a pattern over the raw (still percent-encoded) path; a trailing slash is allowed. */
function patternOf(template: string): RegExp {
  let pattern = cache.get(template);
  if (!pattern) {
    const body = template
      .replace(/\/+$/, "")
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
      .join("([^/]+)");
    pattern = new RegExp(`^${body}/?$`);
    cache.set(template, pattern);
  }
  return pattern;
}

export function matchesTemplate(template: string, pathname: string): boolean {
  return patternOf(template).test(pathname);
}

/**
 * The path parameters of a request, decoded from its raw path (not from the router, so that
 * malformed encoding, NULs and traversal segments are refused here with the parameter named).
 * Null when the path is not of this template.
 */
export function extractParams(template: string, pathname: string): Record<string, string> | null {
  const match = patternOf(template).exec(pathname);
  if (!match) return null;
  const names = templateParams(template);
  return Object.fromEntries(names.map((name, index) => [name, decodePathSegment(match[index + 1]!, name)]));
}
