// What an admin does to accounts after creating them: list them, disable or re-enable them.
// A disabled user cannot sign in (users.ts) and has no live session (sessions.ts checks the flag
// on every request; the sessions are also revoked here, so they stay ended after re-enabling).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { revokeUserSessions } from './sessions.ts';
import { checkRoleAndStore, type UserRecord, type UserRole, userRecord } from './users.ts';

type Db = Kysely<Database>;

export const ACCOUNTS_PAGE_MAX = 500;

export interface AccountRecord extends UserRecord {
  readonly createdAt: number;
  readonly disabledAt?: number;
  readonly canSignIn: boolean;
}

export interface AccountFilter {
  readonly role?: UserRole;
  readonly sellerId?: string;
  /** Ids after this one (the previous page's last id). */
  readonly after?: string;
  readonly limit: number;
}

/** What an account record is read from (the hash only to tell whether a password is set). */
const ACCOUNT_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'seller_id',
  'created_at',
  'disabled_at',
  'password_hash',
] as const;

/** Accounts by id, a page at a time, never more than ACCOUNTS_PAGE_MAX. */
export async function listAccounts(db: Db, filter: AccountFilter): Promise<AccountRecord[]> {
  let query = db
    .selectFrom('users')
    .select(ACCOUNT_COLUMNS)
    .orderBy('id')
    .limit(Math.min(Math.max(1, filter.limit), ACCOUNTS_PAGE_MAX));
  if (filter.role !== undefined) query = query.where('role', '=', filter.role);
  if (filter.sellerId !== undefined) query = query.where('seller_id', '=', filter.sellerId);
  if (filter.after !== undefined) query = query.where('id', '>', filter.after);
  return (await query.execute()).map(accountRecord);
}

export async function findAccount(db: Db, id: string): Promise<AccountRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(ACCOUNT_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : accountRecord(row);
}

/** Disables an account and ends its sessions; undefined when there is no such user. */
export async function disableAccount(
  db: Db,
  id: string,
  now: number,
): Promise<AccountRecord | undefined> {
  // An account disabled twice keeps the first time: that is when access ended.
  await db
    .updateTable('users')
    .set({ disabled_at: new Date(now) })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .execute();
  const account = await findAccount(db, id);
  if (account !== undefined) await revokeUserSessions(db, id, now);
  return account;
}

/** Lets a disabled account sign in again (its old sessions stay ended). */
export async function enableAccount(db: Db, id: string): Promise<AccountRecord | undefined> {
  await db.updateTable('users').set({ disabled_at: null }).where('id', '=', id).execute();
  return findAccount(db, id);
}

/**
 * Gives an account another role (and store, for seller staff) and ends its sessions: a session
 * must not keep the powers of the role it was opened under. Undefined when there is no such user.
 */
export async function changeRole(
  db: Db,
  id: string,
  role: UserRole,
  sellerId: string | undefined,
  now: number,
): Promise<AccountRecord | undefined> {
  await checkRoleAndStore(db, role, sellerId);
  const changed = await db
    .updateTable('users')
    .set({ role, seller_id: sellerId ?? null })
    .where('id', '=', id)
    .executeTakeFirst();
  if (changed.numUpdatedRows === 0n) return undefined;
  await revokeUserSessions(db, id, now);
  return findAccount(db, id);
}

function accountRecord(row: {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  seller_id: string | null;
  created_at: Date;
  disabled_at: Date | null;
  password_hash: string | null;
}): AccountRecord {
  return {
    ...userRecord(row),
    createdAt: row.created_at.getTime(),
    ...(row.disabled_at === null ? {} : { disabledAt: row.disabled_at.getTime() }),
    canSignIn: row.disabled_at === null && row.password_hash !== null,
  };
}
