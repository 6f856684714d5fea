import { getDb, isUuid } from "@/lib/db/client";

/**
 * Dashboard sessions, kept server-side so that they can end before their cookie does. The JWT
 * cookie carries the session's id; lib/auth checks it on every request. A session ends when its
 * user signs out (that one), changes the password (every other one) or signs out everywhere
 * (all of them), and on its own after SESSION_MAX_AGE_SECONDS.
 */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** Records a new session of the user; returns its id. Also forgets that user's sessions that have run out. */
export async function startSession(userId: string, now: Date = new Date()): Promise<string> {
  const db = getDb();
  const session = await db.userSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
  await db.userSession.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  return session.id;
}

/** Whether the session is the user's, not ended and not run out. Anything malformed is not. */
export async function isSessionActive(sessionId: unknown, userId: unknown, now: Date = new Date()): Promise<boolean> {
  if (typeof sessionId !== "string" || !isUuid(sessionId) || typeof userId !== "string") return false;
  const session = await getDb().userSession.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true, expiresAt: true } });
  return !!session && session.userId === userId && !session.revokedAt && session.expiresAt > now;
}

/** Ends one session (signing out). Ending an ended or unknown session changes nothing. */
export async function endSession(sessionId: unknown, now: Date = new Date()): Promise<void> {
  if (typeof sessionId !== "string" || !isUuid(sessionId)) return;
  await getDb().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session of the user, but `except` (the one that asked, when it stays); returns how many ended. */
export async function endAllSessions(userId: string, options: { except?: string; now?: Date } = {}): Promise<number> {
  const { count } = await getDb().userSession.updateMany({
    where: { userId, revokedAt: null, ...(options.except && isUuid(options.except) ? { id: { not: options.except } } : {}) },
    data: { revokedAt: options.now ?? new Date() },
  });
  return count;
}

/** How many sessions of the user are live now (Settings shows it). */
export async function countActiveSessions(userId: string, now: Date = new Date()): Promise<number> {
  return getDb().userSession.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
}
