/** Types of static-security-headers.mjs. */
export declare const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>>;
