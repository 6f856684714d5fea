/** The app's route modules, found by the path templates the contracts declare. */
import fs from "node:fs";
import path from "node:path";

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** `/a/{x}/b` and `app/a/[y]/b`: the same shape, whatever each names its parameters. */
const shape = (template: string) => template.replace(/\/$/, "").replace(/\{\w+\}|\[\w+\]/g, "{}");

/** The route.ts under app/ serving a path template, if any. */
export function routeFileFor(template: string, root = path.resolve("app")): string | undefined {
  const wanted = shape(template);
  const walk = (dir: string): string | undefined => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(full);
        if (found) return found;
      } else if (entry.name === "route.ts" && shape("/" + path.relative(root, dir).split(path.sep).join("/")) === wanted) {
        return full;
      }
    }
    return undefined;
  };
  return walk(root);
}

/** The handler a route module exports for a method; throws when there is none. */
export async function routeHandlerFor(template: string, method: string): Promise<RouteHandler> {
  const file = routeFileFor(template);
  if (!file) throw new Error(`no route module serves ${template}`);
  const handler = ((await import(file)) as Record<string, RouteHandler | undefined>)[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  return handler;
}
