import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/crypto/api-keys";
import { currentScryptParams, hashPassword, verifyPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { rejection } from "@/lib/testing/rejection";
import { changePassword } from "./change-password";
import { confirmSignUp, isConfirmTokenValid } from "./confirm-sign-up";
import { requestSignUp } from "./request-sign-up";
import { countActiveSessions, endAllSessions, endSession, isSessionActive, startSession } from "./sessions";
import { signUp } from "./sign-up";
import { checkSignIn, verifyCredentials } from "./verify-credentials";

const PASSWORD = "correct horse battery";
const uniqueEmail = () => `owner.${randomUUID()}@example.cm`;
const uniqueIp = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
const db = () => getDb();

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["SIGNIN_ATTEMPTS_PER_ACCOUNT", "SIGNUPS_PER_IP", "SIGNUP_EMAILS_PER_ADDRESS", "PASSWORD_SCRYPT_LOG2_N"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** The emails written for an address, oldest first. */
async function emailsTo(email: string) {
  const rows = await db().outboxMessage.findMany({ where: { destination: email }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ merchantId: row.merchantId, kind: row.kind, channel: row.channel, ...(row.payload as { subject: string; text: string; html: string }) }));
}

/** The token of the last confirmation link sent to an address. */
async function lastConfirmToken(email: string): Promise<string> {
  const confirms = (await emailsTo(email)).filter((e) => e.kind === "account.confirm_email");
  const match = /\/signup\/confirm\?token=([A-Za-z0-9_-]+)/.exec(confirms.at(-1)?.text ?? "");
  if (!match) throw new Error(`no confirmation link sent to ${email}`);
  return match[1]!;
}

describe("requestSignUp: the same answer whether or not the address has an account", () => {
  it("a new address: an unconfirmed account and a confirmation link by email; no sign-in until it is opened", async () => {
    const email = uniqueEmail();
    const answer = await requestSignUp({ businessName: "Boutique Akwa", email: email.toUpperCase(), password: PASSWORD }, { clientIp: uniqueIp() });
    expect(answer).toEqual({ email, outcome: "confirmation_sent" });

    const user = await db().user.findUniqueOrThrow({ where: { email }, include: { merchant: true } });
    expect(user.emailConfirmedAt).toBeNull();
    expect(user.merchant.name).toBe("Boutique Akwa");
    const [mail, ...others] = await emailsTo(email);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ merchantId: user.merchantId, kind: "account.confirm_email", channel: "EMAIL", subject: "Confirm your email to open your Paylinks account" });
    expect(mail!.html).toContain("/signup/confirm?token=");

    expect(await checkSignIn(email, PASSWORD)).toEqual({ kind: "unconfirmed", email });
    expect(await checkSignIn(email, PASSWORD + "!")).toEqual({ kind: "wrong" });
    expect(await verifyCredentials(email, PASSWORD)).toBeNull();

    const token = await lastConfirmToken(email);
    expect(await isConfirmTokenValid(token)).toBe(true);
    const opened = await confirmSignUp(token);
    expect(opened).toMatchObject({ userId: user.id, merchantId: user.merchantId, email, merchantName: "Boutique Akwa" });
    expect(await checkSignIn(email, PASSWORD)).toMatchObject({ kind: "ok", user: { userId: user.id } });
    // The link works once.
    expect(await isConfirmTokenValid(token)).toBe(false);
    expect(await confirmSignUp(token)).toBeNull();
  });

  it("an address with an account: the owner is emailed 'you already have an account', and nothing else is written or changed", async () => {
    const email = uniqueEmail();
    const account = await signUp({ businessName: "First shop", email, password: PASSWORD });
    const before = await db().user.findUniqueOrThrow({ where: { email } });
    const merchants = await db().merchant.count();

    const answer = await requestSignUp({ businessName: "Intruder shop", email, password: "another-long-password" }, { clientIp: uniqueIp() });
    expect(answer).toEqual({ email, outcome: "existing_account_notified" });
    expect(await db().merchant.count()).toBe(merchants);
    expect(await db().user.findUniqueOrThrow({ where: { email } })).toEqual(before);
    expect(await emailsTo(email)).toEqual([
      expect.objectContaining({ merchantId: account.merchantId, kind: "account.already_exists", subject: "You already have a Paylinks account" }),
    ]);
    expect(await verifyCredentials(email, PASSWORD)).toMatchObject({ userId: account.userId });
    expect(await verifyCredentials(email, "another-long-password")).toBeNull();
  });

  it("an unconfirmed address signed up again: the new details and a new link win, the older link dies", async () => {
    const email = uniqueEmail();
    await requestSignUp({ businessName: "Squatter", email, password: "squatter-password" }, { clientIp: uniqueIp() });
    const first = await lastConfirmToken(email);
    expect(await requestSignUp({ businessName: "Real owner", email, password: PASSWORD }, { clientIp: uniqueIp() })).toEqual({ email, outcome: "confirmation_resent" });
    const second = await lastConfirmToken(email);
    expect(second).not.toBe(first);
    expect(await confirmSignUp(first)).toBeNull();
    expect(await confirmSignUp(second)).toMatchObject({ email, merchantName: "Real owner" });
    expect(await verifyCredentials(email, PASSWORD)).toMatchObject({ email });
    expect(await verifyCredentials(email, "squatter-password")).toBeNull();
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const email = uniqueEmail();
    await requestSignUp({ businessName: "Late shop", email, password: PASSWORD }, { clientIp: uniqueIp(), now: new Date(Date.now() - 25 * 3_600_000) });
    const token = await lastConfirmToken(email);
    expect(await isConfirmTokenValid(token)).toBe(false);
    expect(await confirmSignUp(token)).toBeNull();
    expect(await confirmSignUp("x".repeat(43))).toBeNull();
    expect(await confirmSignUp(undefined)).toBeNull();
  });

  it("two sign-ups of one new address at once make one account", async () => {
    const email = uniqueEmail();
    const answers = await Promise.all([1, 2].map((n) => requestSignUp({ businessName: `Shop ${n}`, email, password: PASSWORD }, { clientIp: uniqueIp() })));
    expect(answers.map((a) => a.outcome).sort()).toEqual(["confirmation_resent", "confirmation_sent"]);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("sends at most SIGNUP_EMAILS_PER_ADDRESS emails to one address in the window, answering the same", async () => {
    process.env.SIGNUP_EMAILS_PER_ADDRESS = "2";
    const email = uniqueEmail();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push((await requestSignUp({ businessName: "Shop", email, password: PASSWORD }, { clientIp: uniqueIp() })).outcome);
    expect(outcomes).toEqual(["confirmation_sent", "confirmation_resent", "suppressed", "suppressed"]);
    expect(await emailsTo(email)).toHaveLength(2);
  });

  it("is limited per client address (SIGNUPS_PER_IP), before anything is written", async () => {
    process.env.SIGNUPS_PER_IP = "2";
    const ip = uniqueIp();
    await requestSignUp({ businessName: "Shop", email: uniqueEmail(), password: PASSWORD }, { clientIp: ip });
    await requestSignUp({ businessName: "Shop", email: uniqueEmail(), password: PASSWORD }, { clientIp: ip });
    const third = uniqueEmail();
    const error = await rejection(requestSignUp({ businessName: "Shop", email: third, password: PASSWORD }, { clientIp: ip }));
    expect(error.code).toBe("RATE_LIMITED");
    expect(await db().user.count({ where: { email: third } })).toBe(0);
    // Another address is not affected.
    expect((await requestSignUp({ businessName: "Shop", email: third, password: PASSWORD }, { clientIp: uniqueIp() })).outcome).toBe("confirmation_sent");
  });

  it("names the bad field and writes nothing", async () => {
    const email = uniqueEmail();
    const error = await rejection(requestSignUp({ businessName: "Shop", email, password: "short" }, { clientIp: uniqueIp() }));
    expect(error.details.field).toBe("password");
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});

describe("checkSignIn: attempts per account", () => {
  it("locks an email after SIGNIN_ATTEMPTS_PER_ACCOUNT attempts, even with the right password next, and only that email", async () => {
    process.env.SIGNIN_ATTEMPTS_PER_ACCOUNT = "3";
    const email = uniqueEmail();
    const other = uniqueEmail();
    await signUp({ businessName: "Shop", email, password: PASSWORD });
    await signUp({ businessName: "Shop", email: other, password: PASSWORD });
    for (let i = 0; i < 3; i++) expect((await checkSignIn(email, `guess-${i}-password`)).kind).toBe("wrong");
    const locked = await checkSignIn(email.toUpperCase(), PASSWORD);
    expect(locked).toMatchObject({ kind: "locked" });
    expect(locked.kind === "locked" && locked.retryAfterSeconds).toBeGreaterThan(0);
    await expect(verifyCredentials(email, PASSWORD)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await checkSignIn(other, PASSWORD)).kind).toBe("ok");
  });

  it("locks an unknown email the same way (no difference tells whether it exists)", async () => {
    process.env.SIGNIN_ATTEMPTS_PER_ACCOUNT = "2";
    const nobody = uniqueEmail();
    expect((await checkSignIn(nobody, PASSWORD)).kind).toBe("wrong");
    expect((await checkSignIn(nobody, PASSWORD)).kind).toBe("wrong");
    expect((await checkSignIn(nobody, PASSWORD)).kind).toBe("locked");
  });

  it("stores a new hash at the current cost after a successful sign-in with an older one", async () => {
    process.env.PASSWORD_SCRYPT_LOG2_N = "10";
    const email = uniqueEmail();
    const account = await signUp({ businessName: "Shop", email, password: PASSWORD });
    const old = (await db().user.findUniqueOrThrow({ where: { id: account.userId } })).passwordHash;
    expect(old.startsWith("scrypt$1024$")).toBe(true);
    process.env.PASSWORD_SCRYPT_LOG2_N = saved.PASSWORD_SCRYPT_LOG2_N ?? "12";

    expect((await checkSignIn(email, PASSWORD + "!")).kind).toBe("wrong");
    expect((await db().user.findUniqueOrThrow({ where: { id: account.userId } })).passwordHash).toBe(old);
    expect((await checkSignIn(email, PASSWORD)).kind).toBe("ok");
    const renewed = (await db().user.findUniqueOrThrow({ where: { id: account.userId } })).passwordHash;
    expect(renewed.startsWith(`scrypt$${currentScryptParams().N}$8$1$`)).toBe(true);
    expect(await verifyPassword(PASSWORD, renewed)).toBe(true);
  });
});

describe("sessions", () => {
  it("live until ended: one by one (sign out), all but one (new password), or all (sign out everywhere)", async () => {
    const account = await signUp({ businessName: "Shop", email: uniqueEmail(), password: PASSWORD });
    const [a, b, c] = [await startSession(account.userId), await startSession(account.userId), await startSession(account.userId)];
    expect(await countActiveSessions(account.userId)).toBe(3);
    expect(await isSessionActive(a, account.userId)).toBe(true);
    // Another user's id, a malformed id or none: not a session of this user.
    expect(await isSessionActive(a, randomUUID())).toBe(false);
    expect(await isSessionActive("nope", account.userId)).toBe(false);
    expect(await isSessionActive(undefined, account.userId)).toBe(false);

    await endSession(a);
    expect(await isSessionActive(a, account.userId)).toBe(false);
    expect(await isSessionActive(b, account.userId)).toBe(true);

    expect(await endAllSessions(account.userId, { except: c })).toBe(1);
    expect([await isSessionActive(b, account.userId), await isSessionActive(c, account.userId)]).toEqual([false, true]);
    expect(await endAllSessions(account.userId)).toBe(1);
    expect(await isSessionActive(c, account.userId)).toBe(false);
    expect(await countActiveSessions(account.userId)).toBe(0);
  });

  it("run out after their lifetime", async () => {
    const account = await signUp({ businessName: "Shop", email: uniqueEmail(), password: PASSWORD });
    const old = await startSession(account.userId, new Date(Date.now() - 8 * 24 * 3_600_000));
    expect(await isSessionActive(old, account.userId)).toBe(false);
  });
});

describe("changePassword", () => {
  it("needs the current password, then ends every other session and the password grant's tokens", async () => {
    const email = uniqueEmail();
    const account = await signUp({ businessName: "Shop", email, password: PASSWORD });
    const [mine, other] = [await startSession(account.userId), await startSession(account.userId)];
    const credential = await db().apiCredential.create({
      data: { merchantId: account.merchantId, name: "key", keyId: `pk_test_${randomUUID()}`, secretHash: hashSecret("s"), secretLast4: "xxxx", mode: "SANDBOX", scopes: [] },
    });
    const token = await db().accessToken.create({
      data: { credentialId: credential.id, merchantId: account.merchantId, userId: account.userId, kind: "ACCESS", tokenHash: hashSecret(randomUUID()), expiresAt: new Date(Date.now() + 3_600_000) },
    });

    const wrong = await rejection(changePassword(account.userId, { currentPassword: "not-it-at-all", newPassword: "a-brand-new-password" }, { keepSessionId: mine }));
    expect({ code: wrong.code, field: wrong.details.field, message: wrong.message }).toEqual({ code: "VALIDATION", field: "current_password", message: "Current password is incorrect" });
    const short = await rejection(changePassword(account.userId, { currentPassword: PASSWORD, newPassword: "short" }));
    expect(short.details.field).toBe("new_password");
    expect(await countActiveSessions(account.userId)).toBe(2);

    expect(await changePassword(account.userId, { currentPassword: PASSWORD, newPassword: "a-brand-new-password" }, { keepSessionId: mine })).toEqual({ endedSessions: 1 });
    expect(await isSessionActive(mine, account.userId)).toBe(true);
    expect(await isSessionActive(other, account.userId)).toBe(false);
    expect((await db().accessToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
    expect(await verifyCredentials(email, PASSWORD)).toBeNull();
    expect(await verifyCredentials(email, "a-brand-new-password")).toMatchObject({ userId: account.userId });
  });

  it("counts its password checks against the account like sign-ins", async () => {
    process.env.SIGNIN_ATTEMPTS_PER_ACCOUNT = "2";
    const account = await signUp({ businessName: "Shop", email: uniqueEmail(), password: PASSWORD });
    for (let i = 0; i < 2; i++) await rejection(changePassword(account.userId, { currentPassword: `guess-${i}`, newPassword: "a-brand-new-password" }));
    const locked = await rejection(changePassword(account.userId, { currentPassword: PASSWORD, newPassword: "a-brand-new-password" }));
    expect(locked.code).toBe("RATE_LIMITED");
    expect(await verifyPassword(PASSWORD, (await db().user.findUniqueOrThrow({ where: { id: account.userId } })).passwordHash)).toBe(true);
  });
});

it("hashPassword is used for every account the tests make at the lowered test cost", async () => {
  expect((await hashPassword("x")).startsWith(`scrypt$${currentScryptParams().N}$`)).toBe(true);
});
