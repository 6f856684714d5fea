import { instanviSurface } from "./openapi";

/** The contract's routes as patterns, from the same operations the OpenAPI document lists. */
const ROUTES = instanviSurface.operations.map((operation) => ({
  pattern: new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
  method: operation.method.toUpperCase(),
}));

/** Methods the Instanvi contract serves at this path (HEAD and OPTIONS aside), or null if none. */
export function allowedInstanviMethods(pathname: string): string[] | null {
  const methods = ROUTES.filter((route) => route.pattern.test(pathname)).map((route) => route.method);
  return methods.length ? [...new Set(methods)] : null;
}
