import "server-only";
import type { Mode, Provider } from "@/lib/domain/links/enums";
import { AppError, AppErrorCode, validationError } from "@/lib/errors";
import { collectableProviders, LIVE_BASE_URL_VARIABLE } from "@/lib/providers";

/**
 * SANDBOX and LIVE are two worlds (DESIGN.md): SANDBOX links are paid through the sandbox
 * configuration (the mocks by default), LIVE links through the live one. With no live provider
 * configured, nothing LIVE can be made or used, and each refusal says why, in one wording:
 * - a LIVE link or API key cannot be created (VALIDATION on `mode`: the dashboard and the order
 *   forms show it beside the field);
 * - a LIVE API key cannot be used (FORBIDDEN, in each contract's envelope);
 * - a LIVE link cannot be redeemed through a provider that has no live configuration
 *   (INVALID_STATE).
 */

const PROVIDER_NAMES: Readonly<Record<Provider, string>> = { MTN_CAM: "MTN Mobile Money", ORANGE_CAM: "Orange Money" };
const ALL_LIVE_VARIABLES = Object.values(LIVE_BASE_URL_VARIABLE).join(", ");

/** Whether anything can be collected in this mode (SANDBOX always can). */
export function isModeAvailable(mode: Mode): boolean {
  return collectableProviders(mode).length > 0;
}

/** Refuses to make a LIVE link or key when no live provider is configured (VALIDATION on `field`). */
export function assertModeAvailable(mode: Mode, field = "mode"): void {
  if (isModeAvailable(mode)) return;
  throw validationError(
    field,
    `${field} LIVE is not available: live payments are not configured on this server (no live MTN Mobile Money or Orange Money account: ${ALL_LIVE_VARIABLES}); use SANDBOX (test mode)`,
  );
}

/** Refuses a LIVE API key while no live provider is configured (FORBIDDEN). */
export function assertKeyModeUsable(mode: Mode): void {
  if (isModeAvailable(mode)) return;
  throw new AppError(
    AppErrorCode.FORBIDDEN,
    `This is a LIVE API key, and live payments are not configured on this server (no live MTN Mobile Money or Orange Money account: ${ALL_LIVE_VARIABLES}); use a SANDBOX (test) key`,
  );
}

/** Refuses to start a payment of a LIVE link through a provider without a live configuration (INVALID_STATE). */
export function assertCanCollect(mode: Mode, provider: Provider): void {
  const providers = collectableProviders(mode);
  if (providers.includes(provider)) return;
  const others = providers.map((p) => PROVIDER_NAMES[p]);
  throw new AppError(
    AppErrorCode.INVALID_STATE,
    `This payment link is LIVE, and ${PROVIDER_NAMES[provider]} live payments are not configured on this server (${LIVE_BASE_URL_VARIABLE[provider]} is not set)` +
      (others.length > 0 ? `; pay with ${others.join(" or ")}` : ""),
    { field: "provider" },
  );
}
