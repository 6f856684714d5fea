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

/**
 * Limits on who may try what with accounts (read on every use, so tests can set them):
 * - sign-in attempts per account (email), whatever the address they come from, so that a
 *   password cannot be guessed from many addresses at once; every password check counts;
 * - sign-ups per client IP, and confirmation emails per address (the answer stays the same
 *   past that limit: nothing tells whether an email was sent).
 */
export function accountLimitConfig() {
  return {
    signInAttemptsPerAccount: positiveInt("SIGNIN_ATTEMPTS_PER_ACCOUNT", 10),
    signInWindowSeconds: positiveInt("SIGNIN_ATTEMPTS_WINDOW_SECONDS", 15 * 60),
    signUpsPerIp: positiveInt("SIGNUPS_PER_IP", 10),
    signUpEmailsPerAddress: positiveInt("SIGNUP_EMAILS_PER_ADDRESS", 3),
    signUpWindowSeconds: positiveInt("SIGNUP_WINDOW_SECONDS", 60 * 60),
  };
}

/**
 * Per-IP limits of the public routes that make the product work for someone else: the pay
 * page's status poll (a customer polls every few seconds; many share a carrier's address) and
 * the providers' callbacks (each one can make the product ask MTN or Orange for a status).
 * In the window of RATE_LIMIT_WINDOW_SECONDS.
 */
export function publicRouteLimitConfig() {
  return {
    payStatusPerIp: positiveInt("RATE_LIMIT_PAY_STATUS_PER_IP", 600),
    callbacksPerIp: positiveInt("RATE_LIMIT_CALLBACKS_PER_IP", 120),
  };
}
