// One-time sign-in links: the marketplace's backend asks for one for a buyer or a store's staff
// member (buyers it fed have no password: this is how they get in), hands the URL to that person,
// and opening it starts an ordinary session. The token is 256 random bits kept only as its
// SHA-256; it works once and for a few minutes (SETTLE_SIGN_IN_LINK_TTL_SECONDS).
import type { Kysely } from 'kysely';
import { DAY_MS } from '../../domain/index.ts';
import type { Database } from '../../store/schema.ts';
import { createSession, type Session } from './sessions.ts';
import { randomToken, sha256Hex } from './tokens.ts';
import { type UserRecord, userRecord } from './users.ts';

type Db = Kysely<Database>;

/** Real tokens are 43 characters; anything much longer is not one and is not hashed. */
const TOKEN_LENGTH_MAX = 128;
/** Used and expired links are kept a day (for an operator asking "was it opened?"), then go. */
const KEPT_AFTER_EXPIRY_MS = DAY_MS;

export interface NewSignInLink {
  readonly userId: string;
  /** A path on Settle's own origin, checked by the caller (see isSameOriginPath). */
  readonly returnTo: string;
  /** The API key that asks for it. */
  readonly createdBy: string;
  readonly ttlMs: number;
}

/** Makes a link; the token is returned once, for the URL, and never stored. */
export async function createSignInLink(
  db: Db,
  input: NewSignInLink,
  now: number,
): Promise<{ readonly token: string; readonly expiresAt: number }> {
  const token = randomToken();
  const expiresAt = now + input.ttlMs;
  await db
    .deleteFrom('sign_in_links')
    .where('expires_at', '<', new Date(now - KEPT_AFTER_EXPIRY_MS))
    .execute();
  await db
    .insertInto('sign_in_links')
    .values({
      id: sha256Hex(token),
      user_id: input.userId,
      return_to: input.returnTo,
      created_by: input.createdBy,
      created_at: new Date(now),
      expires_at: new Date(expiresAt),
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

export type Redeemed =
  | {
      readonly ok: true;
      readonly user: UserRecord;
      readonly session: Session;
      readonly sessionToken: string;
      readonly returnTo: string;
    }
  | { readonly ok: false; readonly why: 'unknown' | 'used' | 'expired' | 'disabled' };

/**
 * Opens a link: marks it used and starts a session for its person, in one transaction. The
 * marking is one conditional update (`used_at is null`), so of two opens at once exactly one
 * finds the row unused; the other waits for its row lock and then finds it used.
 */
export async function redeemSignInLink(db: Db, token: string, now: number): Promise<Redeemed> {
  if (token.length === 0 || token.length > TOKEN_LENGTH_MAX) return { ok: false, why: 'unknown' };
  const id = sha256Hex(token);
  return db.transaction().execute(async (trx): Promise<Redeemed> => {
    const claimed = await trx
      .updateTable('sign_in_links')
      .set({ used_at: new Date(now) })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date(now))
      .returning(['user_id', 'return_to'])
      .executeTakeFirst();
    if (claimed === undefined) {
      const row = await trx
        .selectFrom('sign_in_links')
        .select(['used_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) return { ok: false, why: 'unknown' };
      return { ok: false, why: row.used_at === null ? 'expired' : 'used' };
    }
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'seller_id', 'disabled_at'])
      .where('id', '=', claimed.user_id)
      .executeTakeFirstOrThrow();
    // Disabled after the link was made: the link is spent and signs no one in.
    if (user.disabled_at !== null) return { ok: false, why: 'disabled' };
    const { token: sessionToken, session } = await createSession(trx, user.id, now);
    return { ok: true, user: userRecord(user), session, sessionToken, returnTo: claimed.return_to };
  });
}

/**
 * Whether `path` stays on Settle's own origin: one leading `/`, not `//` or `/\` (which browsers
 * read as another host), no scheme, no control characters or backslashes anywhere.
 */
export function isSameOriginPath(path: string): boolean {
  if (path.length === 0 || path.length > 2_000) return false;
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  // Backslashes become slashes in browsers (`/\evil.test`); control characters and spaces are
  // stripped by URL parsers and could join the two into `//`.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\\\u0000-\u0020\u007f]/.test(path)) return false;
  // Resolved against a placeholder origin, the path must keep it.
  const base = 'https://settle.invalid';
  try {
    return new URL(path, base).origin === base;
  } catch {
    return false;
  }
}
