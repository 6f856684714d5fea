import { getDb } from "@/lib/db/client";
import type { ApiCredentialView } from "@/lib/domain/credentials/types";
import type { MerchantScope } from "@/lib/domain/links/types";
import { CREDENTIAL_VIEW_SELECT, toCredentialView } from "./to-credential-view";

/** The merchant's API credentials, revoked ones included, newest first; never a secret or its hash. */
export async function listCredentials(scope: Pick<MerchantScope, "merchantId">): Promise<ApiCredentialView[]> {
  const rows = await getDb().apiCredential.findMany({
    where: { merchantId: scope.merchantId },
    select: CREDENTIAL_VIEW_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toCredentialView);
}
