// Browser sessions. The cookie carries a random token; the table keeps only its SHA-256, so
// reading the database does not let anyone act as a signed-in user. A session ends at the first
// of: 7 days after sign-in, 12 hours without a request, or sign-out. Time comes from the
// injected clock, so tests expire sessions by moving a virtual clock.
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../domain/index.ts';
import type { Database } from '../../store/schema.ts';
import type { ReadNow } from '../clock.ts';
import { randomToken, sha256Hex } from './tokens.ts';
import { type UserRecord, type UserRole, userRecord } from './users.ts';

type Db = Kysely<Database>;

export const SESSION_ABSOLUTE_MS = 7 * DAY_MS;
export const SESSION_IDLE_MS = 12 * HOUR_MS;
/**
 * last_seen_at is written at most this often: idle expiry is counted in hours, and writing on
 * every request would turn each read into a write.
 */
export const LAST_SEEN_RESOLUTION_MS = MINUTE_MS;
/** Real tokens are 43 characters; anything much longer is not one and is not hashed. */
const TOKEN_LENGTH_MAX = 128;

export interface Session {
  /** The SHA-256 of the token: safe to log and to keep on the caller. */
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface ActiveSession {
  readonly session: Session;
  readonly user: UserRecord;
}

/** Starts a session; the token is returned once, for the cookie, and never stored. */
export async function createSession(
  db: Db,
  userId: string,
  now: number,
): Promise<{ readonly token: string; readonly session: Session }> {
  const token = randomToken();
  const session: Session = {
    id: sha256Hex(token),
    userId,
    csrfToken: randomToken(),
    createdAt: now,
    expiresAt: now + SESSION_ABSOLUTE_MS,
  };
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: userId,
      csrf_token: session.csrfToken,
      created_at: new Date(now),
      last_seen_at: new Date(now),
      expires_at: new Date(session.expiresAt),
    })
    .execute();
  return { token, session };
}

/** The live session and its user for a cookie's token, or undefined (unknown, ended, revoked). */
export async function resolveSession(
  db: Db,
  token: string,
  readNow: ReadNow,
): Promise<ActiveSession | undefined> {
  if (token.length === 0 || token.length > TOKEN_LENGTH_MAX) return undefined;
  const database = readNow === 'database';
  const { rows } = await db.executeQuery<SessionRow>(
    CompiledQuery.raw(sessionSql(db, database), [sha256Hex(token)]),
  );
  const row = rows[0];
  // A disabled user's sessions end with the account, even one revoked only after this read.
  if (row === undefined || row.revoked_at !== null || row.disabled_at !== null) return undefined;
  const now = database ? (row.now as Date).getTime() : (readNow as number);
  const lastSeen = row.last_seen_at.getTime();
  if (now >= row.expires_at.getTime() || now >= lastSeen + SESSION_IDLE_MS) return undefined;
  if (now - lastSeen >= LAST_SEEN_RESOLUTION_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id', '=', row.id)
      .execute();
  }
  return {
    session: {
      id: row.id,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at.getTime(),
      expiresAt: row.expires_at.getTime(),
    },
    user: userRecord({ ...row, id: row.user_id }),
  };
}

type SessionRow = {
  id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  role: UserRole;
  seller_id: string | null;
  disabled_at: Date | null;
  now?: Date;
};

/**
 * Every signed-in request starts with this read: built and compiled by Kysely once per process
 * (with the database's clock as a column, or without), then only the token's hash changes.
 */
const SESSION_SQL = new Map<boolean, string>();
function sessionSql(db: Db, withNow: boolean): string {
  let text = SESSION_SQL.get(withNow);
  if (text === undefined) {
    const query = db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id',
        'sessions.csrf_token',
        'sessions.created_at',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.revoked_at',
        'users.id as user_id',
        'users.email',
        'users.name',
        'users.role',
        'users.seller_id',
        'users.disabled_at',
      ])
      .where('sessions.id', '=', '');
    text = (withNow ? query.select(sql<Date>`clock_timestamp()`.as('now')) : query).compile().sql;
    SESSION_SQL.set(withNow, text);
  }
  return text;
}

/** Ends a session (sign-out); ending one twice is harmless. */
export async function revokeSession(db: Db, sessionId: string, now: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date(now) })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a user: after a password change, or when staff leave. */
export async function revokeUserSessions(db: Db, userId: string, now: number): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: new Date(now) })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
