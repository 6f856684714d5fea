import type { Mode } from "@/lib/domain/links/enums";

/** An API credential as the dashboard shows it: never the secret, never its hash. */
export interface ApiCredentialView {
  id: string;
  name: string;
  keyId: string;
  /** Last four characters of the secret, to recognise a key. */
  secretLast4: string;
  scopes: string[];
  mode: Mode;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface CreatedCredential {
  credential: ApiCredentialView;
  /** `<key id>.<secret>`, shown once: only its hash is stored. */
  apiKey: string;
}
