/** API credential input, shared by the server and the browser form (no server imports here). */
import { z } from "zod";
import { MODES } from "@/lib/domain/links/enums";

/** What a key may call, one scope per family of published contracts. A new key gets them all unless told otherwise. */
export const CREDENTIAL_SCOPES = ["payment_links", "e-commerce", "payments"] as const;
export type CredentialScope = (typeof CREDENTIAL_SCOPES)[number];

/** Each scope in words, naming the contracts it opens. */
export const SCOPE_LABELS: Record<CredentialScope, string> = {
  payment_links: "Payment links (Instanvi, CM.com, Zeamster)",
  "e-commerce": "E-commerce (CycleSoftware)",
  payments: "Payments (Sylius)",
};

export const createCredentialSchema = z.object({
  name: z
    .string({ error: "Name must be a string" })
    .trim()
    .min(1, "Name is required")
    .max(100, "Name must be at most 100 characters"),
  mode: z.enum(MODES, { error: `Mode must be one of ${MODES.join(", ")}` }).default("SANDBOX"),
  scopes: z
    .array(z.enum(CREDENTIAL_SCOPES, { error: `Scopes must contain only ${CREDENTIAL_SCOPES.join(", ")}` }), {
      error: "Scopes must be a list",
    })
    .min(1, "Choose at least one scope")
    .transform((scopes) => [...new Set(scopes)])
    .default(() => [...CREDENTIAL_SCOPES]),
});
export type CreateCredentialInput = z.input<typeof createCredentialSchema>;
