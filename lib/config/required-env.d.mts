/** Types of required-env.mjs (plain JavaScript, so that next.config.mjs can import it). */
export declare const MIN_AUTH_SECRET_LENGTH: number;

export interface TrustedProxies {
  /** The entries as configured. */
  entries: string[];
  /** Whether an address (IPv4 or IPv6, no port) is one of them or in one of their ranges. */
  has(address: string): boolean;
}

export declare function parseTrustedProxies(value: string | undefined): TrustedProxies | null;
export declare function productionEnvProblems(env: Record<string, string | undefined>): string[];
export declare function assertProductionEnv(env: Record<string, string | undefined>): void;
