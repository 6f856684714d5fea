/**
 * A query string as an object for a zod schema: `a=1` -> `{a: "1"}`, bracketed keys nest
 * (`sorting[amount]=ASC` -> `{sorting: {amount: "ASC"}}`, as Sylius and PHP clients send them),
 * and the last value of a repeated key wins. A key that is both a value and a nest keeps the nest.
 * `__proto__`, `constructor` and `prototype` are dropped.
 */
export type QueryValue = string | { [key: string]: QueryValue };

export function parseQuery(params: URLSearchParams): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [key, value] of params) {
    // Keys that name an object's prototype are never data (they would write into every object).
    if (/(^|\[)(__proto__|constructor|prototype)(?=\]|\[|$)/.test(key)) continue;
    const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
    if (!match) {
      if (typeof out[key] !== "object") out[key] = value;
      continue;
    }
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node: Record<string, QueryValue> = out;
    for (const [index, part] of path.entries()) {
      if (index === path.length - 1) {
        if (typeof node[part] !== "object") node[part] = value;
      } else {
        const next = node[part];
        node = typeof next === "object" ? next : (node[part] = {});
      }
    }
  }
  return out;
}
