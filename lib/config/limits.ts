/** Limits an operator can tune through the environment (read on every use, so tests can too). */
function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function rateLimitConfig() {
  return {
    windowSeconds: positiveInt("RATE_LIMIT_WINDOW_SECONDS", 60),
    /** Requests per window for one API credential. */
    perCredential: positiveInt("RATE_LIMIT_PER_CREDENTIAL", 120),
    /** Requests per window for one client IP on the public endpoints (and failed logins). */
    perIp: positiveInt("RATE_LIMIT_PER_IP", 60),
  };
}

/** Largest request body the APIs read, in bytes. */
export function maxBodyBytes(): number {
  return positiveInt("MAX_BODY_BYTES", 64 * 1024);
}

/** CycleSoftware's two documented windows per credential (its example answers 360 a minute, 15000 a day). */
export function cycleSoftwareRateLimitConfig() {
  return {
    perMinute: positiveInt("CYCLESOFTWARE_RATE_LIMIT_PER_MINUTE", 360),
    perDay: positiveInt("CYCLESOFTWARE_RATE_LIMIT_PER_DAY", 15000),
  };
}
