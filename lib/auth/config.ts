/**
 * next-auth (Auth.js v5) for the dashboard: email + password (scrypt), JWT sessions that
 * carry the merchant id. Every dashboard page and dashboard API reads the merchant from here.
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { rateLimitConfig } from "@/lib/config/limits";
import { clientIp } from "@/lib/http/request-info";
import { verifyCredentials } from "@/lib/services/accounts/verify-credentials";
import { consumeRateLimit } from "@/lib/services/rate-limit/consume-rate-limit";

declare module "next-auth" {
  interface User {
    merchantId?: string;
  }
  interface Session {
    merchantId: string;
  }
}

class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const limits = rateLimitConfig();
        const rate = await consumeRateLimit(`signin:${clientIp(request)}`, limits.perIp, limits.windowSeconds);
        if (!rate.allowed) throw new TooManyAttempts();
        if (typeof credentials.email !== "string" || typeof credentials.password !== "string") return null;
        const account = await verifyCredentials(credentials.email, credentials.password);
        if (!account) return null;
        return { id: account.userId, email: account.email, name: account.name ?? account.merchantName, merchantId: account.merchantId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.merchantId) token.merchantId = user.merchantId;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub ?? "" }, merchantId: String(token.merchantId ?? "") };
    },
  },
});
