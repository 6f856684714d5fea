import { dashboardSurface } from "@/lib/contracts/dashboard/openapi";
import { instanviSurface } from "@/lib/contracts/instanvi/openapi";
import { payPageSurface } from "@/lib/contracts/pay/openapi";
import { providerCallbacksSurface } from "@/lib/contracts/providers/openapi";
import { buildOpenApiDocument } from "./build-document";
import { metaSurface } from "./meta-surface";

/** Every contract adds its surface here. */
export const API_SURFACES = [instanviSurface, payPageSurface, providerCallbacksSurface, dashboardSurface, metaSurface];

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export function openApiDocument() {
  cached ??= buildOpenApiDocument(API_SURFACES, { version: "1.0.0" });
  return cached;
}
