import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { currentScryptParams, verifyPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { signUp } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";
import { rejection } from "@/lib/testing/rejection";

// The real scrypt, watched: an unknown email must cost a password hash too.
vi.mock("@/lib/crypto/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/crypto/password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const uniqueEmail = () => `awa.${randomUUID()}@example.cm`;
const PASSWORD = "correct horse battery";

beforeEach(() => {
  vi.mocked(verifyPassword).mockClear();
});

describe("signUp", () => {
  it("creates the merchant with its own webhook secret and its first user, email normalised, password hashed", async () => {
    const email = uniqueEmail();
    const account = await signUp({ businessName: "  Boutique Akwa  ", email: `  ${email.toUpperCase()} `, password: PASSWORD });
    expect(account).toMatchObject({ email, name: null, merchantName: "Boutique Akwa" });

    const merchant = await getDb().merchant.findUniqueOrThrow({ where: { id: account.merchantId }, include: { users: true } });
    expect(merchant.webhookSecret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(merchant.users).toHaveLength(1);
    const user = merchant.users[0]!;
    expect(user).toMatchObject({ id: account.userId, email });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);

    const other = await signUp({ businessName: "Another shop", email: uniqueEmail(), password: PASSWORD });
    const otherSecret = (await getDb().merchant.findUniqueOrThrow({ where: { id: other.merchantId } })).webhookSecret;
    expect(otherSecret).not.toBe(merchant.webhookSecret);
  });

  it("refuses an email that is taken, whatever its case, and leaves no merchant behind", async () => {
    const email = uniqueEmail();
    await signUp({ businessName: "First shop", email, password: PASSWORD });
    const business = `Second shop ${randomUUID()}`;
    const error = await rejection(signUp({ businessName: business, email: email.toUpperCase(), password: PASSWORD }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("An account with this email already exists");
    expect(error.details.field).toBe("email");
    expect(await getDb().merchant.count({ where: { name: business } })).toBe(0);
  });

  it("names the offending field and writes nothing for bad input", async () => {
    const business = `Shop ${randomUUID()}`;
    const cases: [Parameters<typeof signUp>[0], string][] = [
      [{ businessName: business, email: uniqueEmail(), password: "short1234" }, "password"],
      [{ businessName: business, email: uniqueEmail(), password: "x".repeat(201) }, "password"],
      [{ businessName: " A ", email: uniqueEmail(), password: PASSWORD }, "business_name"],
      [{ businessName: "B".repeat(101), email: uniqueEmail(), password: PASSWORD }, "business_name"],
      [{ businessName: business, email: "not-an-email", password: PASSWORD }, "email"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(signUp(input));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.field).toBe(field);
    }
    expect(await getDb().merchant.count({ where: { name: business } })).toBe(0);
  });
});

describe("verifyCredentials", () => {
  it("returns the user and merchant for the right password, in any email case, and records the login", async () => {
    const email = uniqueEmail();
    const account = await signUp({ businessName: "Boutique Akwa", email, password: PASSWORD });
    const before = new Date();
    expect(await verifyCredentials(` ${email.toUpperCase()}`, PASSWORD)).toEqual(account);
    const user = await getDb().user.findUniqueOrThrow({ where: { id: account.userId } });
    expect(user.lastLoginAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
  });

  it("answers null for a wrong password and for an unknown email, spending a hash on both", async () => {
    const email = uniqueEmail();
    const account = await signUp({ businessName: "Boutique Akwa", email, password: PASSWORD });

    vi.mocked(verifyPassword).mockClear();
    expect(await verifyCredentials(email, PASSWORD + "!")).toBeNull();
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(1);

    vi.mocked(verifyPassword).mockClear();
    expect(await verifyCredentials(uniqueEmail(), PASSWORD)).toBeNull();
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(1);
    // ...against a real scrypt hash, so that the key derivation actually runs.
    expect(vi.mocked(verifyPassword).mock.calls[0]![1]).toMatch(new RegExp(`^scrypt\\$${currentScryptParams().N}\\$8\\$1\\$[^$]+\\$[^$]+$`));

    expect(await verifyCredentials("", "")).toBeNull();
    const user = await getDb().user.findUniqueOrThrow({ where: { id: account.userId } });
    expect(user.lastLoginAt).toBeNull();
  });
});
