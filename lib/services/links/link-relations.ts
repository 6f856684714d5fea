import { getDb } from "@/lib/db/client";
import type { Actor, MerchantScope } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";

/** Who created a link, as far as the product knows them: a dashboard user or an API key. */
export type Creator =
  | { kind: "user"; id: string; email: string; name: string | null; createdAt: Date }
  | { kind: "api_key"; keyId: string; name: string; createdAt: Date };

export interface LinkRelations {
  merchant: { id: string; name: string; createdAt: Date; updatedAt: Date };
  /** By actor (`user:<id>`, `api:<key id>`); actors the product cannot name (system) are absent. */
  creators: Map<Actor, Creator>;
}

/** The records related to some of the merchant's links: the merchant, and who created them. */
export async function loadLinkRelations(
  scope: Pick<MerchantScope, "merchantId">,
  actors: Actor[],
  { creators: withCreators = true } = {},
): Promise<LinkRelations> {
  const db = getDb();
  const merchant = await db.merchant.findUnique({ where: { id: scope.merchantId }, select: { id: true, name: true, createdAt: true, updatedAt: true } });
  if (!merchant) throw notFound("merchant");
  const creators = new Map<Actor, Creator>();
  if (!withCreators) return { merchant, creators };
  const ids = (prefix: string) => [...new Set(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length)))];
  const userIds = ids("user:").filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const keyIds = ids("api:");
  const [users, keys] = await Promise.all([
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds }, merchantId: scope.merchantId }, select: { id: true, email: true, name: true, createdAt: true } })
      : [],
    keyIds.length
      ? db.apiCredential.findMany({ where: { keyId: { in: keyIds }, merchantId: scope.merchantId }, select: { keyId: true, name: true, createdAt: true } })
      : [],
  ]);
  for (const user of users) creators.set(`user:${user.id}`, { kind: "user", ...user });
  for (const key of keys) creators.set(`api:${key.keyId}`, { kind: "api_key", ...key });
  return { merchant, creators };
}
