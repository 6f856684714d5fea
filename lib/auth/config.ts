/**
 * next-auth (Auth.js v5) for the dashboard: email + password (scrypt), JWT sessions that carry
 * the merchant id and the id of a server-side session (lib/services/accounts/sessions.ts),
 * checked on every request, so that signing out, a new password or "sign out everywhere" ends a
 * session at once, whatever copy of its cookie remains.
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { rateLimitConfig } from "@/lib/config/limits";
import { clientIp } from "@/lib/http/request-info";
import { confirmSignUp } from "@/lib/services/accounts/confirm-sign-up";
import { endSession, isSessionActive, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/services/accounts/sessions";
import { checkSignIn } from "@/lib/services/accounts/verify-credentials";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

declare module "next-auth" {
  interface User {
    merchantId?: string;
    sessionId?: string;
  }
  interface Session {
    merchantId: string;
    /** The server-side session behind this cookie. */
    sessionId: string;
  }
}

/** Too many attempts from this address, or on this account. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

/** The right password of an account whose email is not confirmed yet. */
export class EmailNotConfirmed extends CredentialsSignin {
  override code = "unconfirmed";
}

/** A confirmation link that is unknown, used or expired. */
export class InvalidConfirmationLink extends CredentialsSignin {
  override code = "invalid_link";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const limits = rateLimitConfig();
        const rate = await consumeRateLimit(`signin:${clientIp(request)}`, limits.perIp, limits.windowSeconds);
        if (!rate.allowed) throw new TooManyAttempts();
        if (typeof credentials.email !== "string" || typeof credentials.password !== "string") return null;
        const check = await checkSignIn(credentials.email, credentials.password);
        if (check.kind === "locked") throw new TooManyAttempts();
        if (check.kind === "unconfirmed") throw new EmailNotConfirmed();
        if (check.kind !== "ok") return null;
        const { user } = check;
        return { id: user.userId, email: user.email, name: user.name ?? user.merchantName, merchantId: user.merchantId, sessionId: await startSession(user.userId) };
      },
    }),
    // The link of a sign-up's confirmation email: opening it confirms the address and signs in.
    Credentials({
      id: "confirm-email",
      credentials: { token: { type: "text" } },
      async authorize(credentials) {
        const user = await confirmSignUp(credentials.token);
        if (!user) throw new InvalidConfirmationLink();
        return { id: user.userId, email: user.email, name: user.name ?? user.merchantName, merchantId: user.merchantId, sessionId: await startSession(user.userId) };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Signing in: the session was just recorded.
        return { ...token, merchantId: user.merchantId, sid: user.sessionId };
      }
      // Every later request: a session that ended (or a cookie from before sessions were
      // recorded) is no session; next-auth then clears the cookie.
      return (await isSessionActive(token.sid, token.sub)) ? token : null;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub ?? "" },
        merchantId: String(token.merchantId ?? ""),
        sessionId: String(token.sid ?? ""),
      };
    },
  },
  events: {
    // Signing out ends the session server-side too, not only the cookie of this browser.
    async signOut(message) {
      if ("token" in message && message.token) await endSession(message.token.sid);
    },
  },
});
