/**
 * Provider settings from the environment, one configuration per mode:
 * - SANDBOX links use MTN_* and ORANGE_*, whose defaults point at the local mocks
 *   (tsx scripts/mock-providers.ts) with dummy credentials, so the demo and the tests need none;
 * - LIVE links use MTN_LIVE_* and ORANGE_LIVE_*, which have no defaults: a live provider exists
 *   only when its base URL is set, and then every credential must be set too. Nothing live ever
 *   falls back to the mocks.
 * A malformed value throws: that is a deployment error.
 */
import { z } from "zod";
import type { Mode, Provider } from "@/lib/domain/links/enums";
import { describeIssues } from "./describe-issues";

export interface MtnConfig {
  mode: Mode;
  /** Where the settings come from, for messages: MTN (sandbox) or MTN_LIVE. */
  variablePrefix: "MTN" | "MTN_LIVE";
  baseUrl: string;
  apiUser: string;
  apiKey: string;
  subscriptionKey: string;
  /** "sandbox", or the live per-country value such as "mtncameroon". */
  targetEnvironment: string;
  timeoutMs: number;
}

export interface OrangeConfig {
  mode: Mode;
  /** Where the settings come from, for messages: ORANGE (sandbox) or ORANGE_LIVE. */
  variablePrefix: "ORANGE" | "ORANGE_LIVE";
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  merchantKey: string;
  timeoutMs: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

/** An empty variable (FOO= in a .env file) means "not set". */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);
const text = (fallback: string) => z.preprocess(unsetIfEmpty, z.string().default(fallback));
const required = (name: string) => z.preprocess(unsetIfEmpty, z.string({ error: `${name} is required for live payments` }).min(1));
const normalizeUrl = (url: string) => url.replace(/\/+$/, "");
const httpUrl = z.url({ protocol: /^https?$/ });
const baseUrl = (fallback: string) => z.preprocess(unsetIfEmpty, httpUrl.default(fallback)).transform(normalizeUrl);
const liveBaseUrl = (name: string) =>
  z.preprocess(unsetIfEmpty, httpUrl.optional()).transform((url, ctx) => {
    if (url === undefined) {
      ctx.addIssue({ code: "custom", message: `${name} is not set: live payments are not configured` });
      return z.NEVER;
    }
    return normalizeUrl(url);
  });

const timeoutMs = z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().default(10_000));

/** Where the mocks listen by default (npm run demo, scripts/mock-providers.ts). */
export const DEFAULT_MTN_BASE_URL = "http://127.0.0.1:4010";
export const DEFAULT_ORANGE_BASE_URL = "http://127.0.0.1:4020";

const MtnSandboxEnvSchema = z
  .object({
    MTN_BASE_URL: baseUrl(DEFAULT_MTN_BASE_URL),
    MTN_API_USER: text("mock-api-user"),
    MTN_API_KEY: text("mock-api-key"),
    MTN_SUBSCRIPTION_KEY: text("mock-subscription-key"),
    // MTN serves its sandbox and each country's live money on the same API: the target
    // environment decides. A sandbox configuration that names a live one would move real money.
    MTN_TARGET_ENVIRONMENT: z.preprocess(
      unsetIfEmpty,
      z.literal("sandbox", { error: 'must be "sandbox" (SANDBOX links never touch real money; live settings are MTN_LIVE_*)' }).default("sandbox"),
    ),
    PROVIDER_TIMEOUT_MS: timeoutMs,
  })
  .transform(
    (vars): MtnConfig => ({
      mode: "SANDBOX",
      variablePrefix: "MTN",
      baseUrl: vars.MTN_BASE_URL,
      apiUser: vars.MTN_API_USER,
      apiKey: vars.MTN_API_KEY,
      subscriptionKey: vars.MTN_SUBSCRIPTION_KEY,
      targetEnvironment: vars.MTN_TARGET_ENVIRONMENT,
      timeoutMs: vars.PROVIDER_TIMEOUT_MS,
    }),
  );

const MtnLiveEnvSchema = z
  .object({
    MTN_LIVE_BASE_URL: liveBaseUrl("MTN_LIVE_BASE_URL"),
    MTN_LIVE_API_USER: required("MTN_LIVE_API_USER"),
    MTN_LIVE_API_KEY: required("MTN_LIVE_API_KEY"),
    MTN_LIVE_SUBSCRIPTION_KEY: required("MTN_LIVE_SUBSCRIPTION_KEY"),
    MTN_LIVE_TARGET_ENVIRONMENT: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .refine((value) => value !== "sandbox", 'cannot be "sandbox" for live payments (e.g. "mtncameroon")')
        .default("mtncameroon"),
    ),
    PROVIDER_TIMEOUT_MS: timeoutMs,
  })
  .transform(
    (vars): MtnConfig => ({
      mode: "LIVE",
      variablePrefix: "MTN_LIVE",
      baseUrl: vars.MTN_LIVE_BASE_URL,
      apiUser: vars.MTN_LIVE_API_USER,
      apiKey: vars.MTN_LIVE_API_KEY,
      subscriptionKey: vars.MTN_LIVE_SUBSCRIPTION_KEY,
      targetEnvironment: vars.MTN_LIVE_TARGET_ENVIRONMENT,
      timeoutMs: vars.PROVIDER_TIMEOUT_MS,
    }),
  );

const OrangeSandboxEnvSchema = z
  .object({
    ORANGE_BASE_URL: baseUrl(DEFAULT_ORANGE_BASE_URL),
    ORANGE_CLIENT_ID: text("mock-client-id"),
    ORANGE_CLIENT_SECRET: text("mock-client-secret"),
    ORANGE_MERCHANT_KEY: text("mock-merchant-key"),
    PROVIDER_TIMEOUT_MS: timeoutMs,
  })
  .transform(
    (vars): OrangeConfig => ({
      mode: "SANDBOX",
      variablePrefix: "ORANGE",
      baseUrl: vars.ORANGE_BASE_URL,
      clientId: vars.ORANGE_CLIENT_ID,
      clientSecret: vars.ORANGE_CLIENT_SECRET,
      merchantKey: vars.ORANGE_MERCHANT_KEY,
      timeoutMs: vars.PROVIDER_TIMEOUT_MS,
    }),
  );

const OrangeLiveEnvSchema = z
  .object({
    ORANGE_LIVE_BASE_URL: liveBaseUrl("ORANGE_LIVE_BASE_URL"),
    ORANGE_LIVE_CLIENT_ID: required("ORANGE_LIVE_CLIENT_ID"),
    ORANGE_LIVE_CLIENT_SECRET: required("ORANGE_LIVE_CLIENT_SECRET"),
    ORANGE_LIVE_MERCHANT_KEY: required("ORANGE_LIVE_MERCHANT_KEY"),
    PROVIDER_TIMEOUT_MS: timeoutMs,
  })
  .transform(
    (vars): OrangeConfig => ({
      mode: "LIVE",
      variablePrefix: "ORANGE_LIVE",
      baseUrl: vars.ORANGE_LIVE_BASE_URL,
      clientId: vars.ORANGE_LIVE_CLIENT_ID,
      clientSecret: vars.ORANGE_LIVE_CLIENT_SECRET,
      merchantKey: vars.ORANGE_LIVE_MERCHANT_KEY,
      timeoutMs: vars.PROVIDER_TIMEOUT_MS,
    }),
  );

/** The MTN MoMo settings of a mode. LIVE throws when MTN_LIVE_BASE_URL is not set (see isLiveConfigured). */
export function readMtnConfig(env: Environment = process.env, mode: Mode = "SANDBOX"): MtnConfig {
  if (mode === "SANDBOX") return parseEnv(MtnSandboxEnvSchema, env, "MTN MoMo");
  const live = parseEnv(MtnLiveEnvSchema, env, "MTN MoMo live");
  assertNotSandbox(live.baseUrl, parseEnv(MtnSandboxEnvSchema, env, "MTN MoMo").baseUrl, "MTN_LIVE_BASE_URL", "MTN_BASE_URL");
  return live;
}

/** The Orange Money settings of a mode. LIVE throws when ORANGE_LIVE_BASE_URL is not set (see isLiveConfigured). */
export function readOrangeConfig(env: Environment = process.env, mode: Mode = "SANDBOX"): OrangeConfig {
  if (mode === "SANDBOX") return parseEnv(OrangeSandboxEnvSchema, env, "Orange Money");
  const live = parseEnv(OrangeLiveEnvSchema, env, "Orange Money live");
  assertNotSandbox(live.baseUrl, parseEnv(OrangeSandboxEnvSchema, env, "Orange Money").baseUrl, "ORANGE_LIVE_BASE_URL", "ORANGE_BASE_URL");
  return live;
}

/** The variable whose presence turns a provider's live payments on. */
export const LIVE_BASE_URL_VARIABLE: Readonly<Record<Provider, string>> = {
  MTN_CAM: "MTN_LIVE_BASE_URL",
  ORANGE_CAM: "ORANGE_LIVE_BASE_URL",
};

/**
 * Whether a provider can collect LIVE money here: its live base URL is set. (Its other settings
 * are checked when a client is made: a half-configured live provider is a deployment error that
 * throws, it never falls back to anything.)
 */
export function isLiveConfigured(provider: Provider, env: Environment = process.env): boolean {
  const value = env[LIVE_BASE_URL_VARIABLE[provider]];
  return value !== undefined && value.trim() !== "";
}

/** The live configuration never points at the sandbox's service (by default, the mocks). */
function assertNotSandbox(live: string, sandbox: string, liveName: string, sandboxName: string): void {
  if (live === sandbox) {
    throw new Error(`Invalid live provider settings: ${liveName} is the sandbox's ${sandboxName} (${sandbox}); LIVE payments never go to the sandbox`);
  }
}

function parseEnv<T>(schema: z.ZodType<T>, env: Environment, provider: string): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid ${provider} settings: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
