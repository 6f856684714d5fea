import type { ApiCredential } from "@/lib/generated/prisma/client";
import type { ApiCredentialView } from "@/lib/domain/credentials/types";

/** The columns of a credential that may be shown: everything but the secret's hash. */
export const CREDENTIAL_VIEW_SELECT = {
  id: true,
  name: true,
  keyId: true,
  secretLast4: true,
  scopes: true,
  mode: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const satisfies Partial<Record<keyof ApiCredential, true>>;

export function toCredentialView(row: Pick<ApiCredential, keyof typeof CREDENTIAL_VIEW_SELECT>): ApiCredentialView {
  return {
    id: row.id,
    name: row.name,
    keyId: row.keyId,
    secretLast4: row.secretLast4,
    scopes: row.scopes,
    mode: row.mode,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
  };
}
