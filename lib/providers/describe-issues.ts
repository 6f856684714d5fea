import type { z } from "zod";

/** One line naming every offending field: "payer.partyId: Invalid input; amount: Required". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
}
