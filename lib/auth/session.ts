import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { MerchantScope } from "@/lib/domain/links/types";
import { auth } from "./config";

/**
 * The signed-in merchant of a dashboard page; without a session, off to sign-in, to come back
 * to the page that was asked for (proxy.ts passes it as x-return-to).
 */
export async function requireMerchant(returnTo?: string): Promise<MerchantScope & { email: string; name: string; userId: string; sessionId: string }> {
  const session = await auth();
  if (!session?.merchantId || !session.user) {
    const back = (await headers()).get("x-return-to") ?? returnTo;
    redirect(back ? `/signin?${new URLSearchParams({ callbackUrl: back })}` : "/signin");
  }
  return {
    merchantId: session.merchantId,
    actor: `user:${session.user.id ?? session.user.email}`,
    email: session.user.email ?? "",
    name: session.user.name ?? "",
    userId: session.user.id ?? "",
    sessionId: session.sessionId,
  };
}

/** The signed-in merchant of a dashboard API route, or null (the route answers 401). */
export async function getApiMerchant(): Promise<MerchantScope | null> {
  const session = await auth();
  if (!session?.merchantId || !session.user) return null;
  return { merchantId: session.merchantId, actor: `user:${session.user.id ?? session.user.email}` };
}
