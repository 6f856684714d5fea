/**
 * Sign-up and sign-in input, shared by the server and the browser form (no server imports here).
 * Only the dashboard uses these, so messages name the field as the form labels it; parseOrThrow
 * still reports the field in snake_case (business_name, email, password).
 */
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Trimmed and lower-cased before it is checked, so one address is one login however it is typed. */
export const accountEmailSchema = z
  .string({ error: "Email must be a string" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Email must be an email address" }).max(254, "Email must be at most 254 characters"));

export const signUpSchema = z.object({
  businessName: z
    .string({ error: "Business name must be a string" })
    .trim()
    .min(2, "Business name must be at least 2 characters")
    .max(100, "Business name must be at most 100 characters"),
  email: accountEmailSchema,
  password: z
    .string({ error: "Password must be a string" })
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`),
});
export type SignUpInput = z.input<typeof signUpSchema>;

/** No length rule beyond the maximum here: a sign-in is checked against the stored hash, not against today's policy. */
export const signInSchema = z.object({
  email: accountEmailSchema,
  password: z
    .string({ error: "Password must be a string" })
    .min(1, "Password is required")
    .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`),
});
export type SignInInput = z.input<typeof signInSchema>;

/** Settings, "Change password": the current one (checked against the stored hash) and a new one under today's policy. */
export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Current password must be a string" })
    .min(1, "Current password is required")
    .max(PASSWORD_MAX_LENGTH, `Current password must be at most ${PASSWORD_MAX_LENGTH} characters`),
  newPassword: z
    .string({ error: "New password must be a string" })
    .min(PASSWORD_MIN_LENGTH, `New password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `New password must be at most ${PASSWORD_MAX_LENGTH} characters`),
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
