/** API credential input, shared by the server and the browser form (no server imports here). */
import { z } from "zod";
import { MODES } from "@/lib/domain/links/enums";

/** What a key may call: the payment-link APIs, and CycleSoftware's e-commerce payments. */
export const CREDENTIAL_SCOPES = ["payment_links", "e-commerce"] as const;
export type CredentialScope = (typeof CREDENTIAL_SCOPES)[number];

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
    .transform((scopes) => [...new Set(scopes)]),
});
export type CreateCredentialInput = z.input<typeof createCredentialSchema>;
