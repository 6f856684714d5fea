import { generateApiKey, hashSecret } from "@/lib/crypto/api-keys";
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { createCredentialSchema, type CreateCredentialInput } from "@/lib/domain/credentials/schemas";
import type { CreatedCredential } from "@/lib/domain/credentials/types";
import type { MerchantScope } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { assertModeAvailable } from "@/lib/services/payments/payment-modes";
import { CREDENTIAL_VIEW_SELECT, toCredentialView } from "./to-credential-view";

const MAX_KEY_ATTEMPTS = 5;

/**
 * A new API key for the merchant. The full key `<key id>.<secret>` is in this answer only: the
 * database keeps the key id, a SHA-256 of the secret and the secret's last four characters.
 */
export async function createCredential(scope: Pick<MerchantScope, "merchantId">, input: CreateCredentialInput): Promise<CreatedCredential> {
  const data = parseOrThrow(createCredentialSchema, input);
  assertModeAvailable(data.mode);
  for (let attempt = 1; ; attempt++) {
    const key = generateApiKey(data.mode);
    try {
      const row = await getDb().apiCredential.create({
        data: {
          merchantId: scope.merchantId,
          name: data.name,
          mode: data.mode,
          scopes: data.scopes,
          keyId: key.keyId,
          secretHash: hashSecret(key.secret),
          secretLast4: key.secret.slice(-4),
        },
        select: CREDENTIAL_VIEW_SELECT,
      });
      return { credential: toCredentialView(row), apiKey: `${key.keyId}.${key.secret}` };
    } catch (error) {
      // A random key id that is already taken: draw again.
      if (isUniqueViolation(error) && attempt < MAX_KEY_ATTEMPTS) continue;
      throw error;
    }
  }
}
