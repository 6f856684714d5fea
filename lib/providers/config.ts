/**
 * Provider settings from the environment. Every variable has a default that points at the local
 * mocks (tsx scripts/mock-providers.ts) with dummy credentials, so the demo and the tests need
 * none; production sets them all. A malformed value throws: that is a deployment error.
 */
import { z } from "zod";
import { describeIssues } from "./describe-issues";

export interface MtnConfig {
  baseUrl: string;
  apiUser: string;
  apiKey: string;
  subscriptionKey: string;
  /** "sandbox", or the live per-country value such as "mtncameroon". */
  targetEnvironment: string;
  timeoutMs: number;
}

export interface OrangeConfig {
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
const baseUrl = (fallback: string) =>
  z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).default(fallback)).transform((url) => url.replace(/\/+$/, ""));

const timeoutMs = z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().default(10_000));

const MtnEnvSchema = z
  .object({
    MTN_BASE_URL: baseUrl("http://127.0.0.1:4010"),
    MTN_API_USER: text("mock-api-user"),
    MTN_API_KEY: text("mock-api-key"),
    MTN_SUBSCRIPTION_KEY: text("mock-subscription-key"),
    MTN_TARGET_ENVIRONMENT: text("sandbox"),
    PROVIDER_TIMEOUT_MS: timeoutMs,
  })
  .transform(
    (vars): MtnConfig => ({
      baseUrl: vars.MTN_BASE_URL,
      apiUser: vars.MTN_API_USER,
      apiKey: vars.MTN_API_KEY,
      subscriptionKey: vars.MTN_SUBSCRIPTION_KEY,
      targetEnvironment: vars.MTN_TARGET_ENVIRONMENT,
      timeoutMs: vars.PROVIDER_TIMEOUT_MS,
    }),
  );

const OrangeEnvSchema = z
  .object({
    ORANGE_BASE_URL: baseUrl("http://127.0.0.1:4020"),
    ORANGE_CLIENT_ID: text("mock-client-id"),
    ORANGE_CLIENT_SECRET: text("mock-client-secret"),
    ORANGE_MERCHANT_KEY: text("mock-merchant-key"),
    PROVIDER_TIMEOUT_MS: timeoutMs,
  })
  .transform(
    (vars): OrangeConfig => ({
      baseUrl: vars.ORANGE_BASE_URL,
      clientId: vars.ORANGE_CLIENT_ID,
      clientSecret: vars.ORANGE_CLIENT_SECRET,
      merchantKey: vars.ORANGE_MERCHANT_KEY,
      timeoutMs: vars.PROVIDER_TIMEOUT_MS,
    }),
  );

export function readMtnConfig(env: Environment = process.env): MtnConfig {
  return parseEnv(MtnEnvSchema, env, "MTN MoMo");
}

export function readOrangeConfig(env: Environment = process.env): OrangeConfig {
  return parseEnv(OrangeEnvSchema, env, "Orange Money");
}

function parseEnv<T>(schema: z.ZodType<T>, env: Environment, provider: string): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid ${provider} settings: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
