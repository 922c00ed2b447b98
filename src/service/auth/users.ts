// People who sign in. Buyers arrive from the marketplace feed (their user id is the buyer id on
// orders) and get a password here; staff, arbitrators and admins are created here outright.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isId } from '../../domain/index.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import type { Database } from '../../store/schema.ts';
import { AuthConflictError, AuthInputError } from './errors.ts';
import { checkPasswordRules, hashPassword, verifyPassword } from './passwords.ts';

type Db = Kysely<Database>;

export const USER_ROLES = ['buyer', 'seller', 'arbitrator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const EMAIL_LENGTH_MAX = 254;
export const NAME_LENGTH_MAX = 200;
// Deliberately loose: one @, something on each side, a dot in the domain, no spaces. Whether the
// address works is the mail server's business; this only catches typos such as a missing @.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  /** For seller staff: the store they act for. */
  readonly sellerId?: string;
}

export interface NewUser {
  /** Defaults to a fresh `user-<uuid>`; pass the marketplace's buyer id for a buyer. */
  readonly id?: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly sellerId?: string;
  /** Without one the account exists but cannot sign in until a password is set. */
  readonly password?: string;
}

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

/** PostgreSQL text cannot hold NUL: such input must be refused before it reaches a query. */
export function hasNul(text: string): boolean {
  return text.includes('\0');
}

export function looksLikeEmail(email: string): boolean {
  const trimmed = email.trim();
  return trimmed.length <= EMAIL_LENGTH_MAX && EMAIL_SHAPE.test(trimmed) && !hasNul(trimmed);
}

export function checkEmail(email: string): string {
  if (!looksLikeEmail(email))
    throw new AuthInputError(`${JSON.stringify(email)} is not an email address`);
  return email.trim();
}

export async function createUser(db: Db, input: NewUser, at: number): Promise<UserRecord> {
  const email = checkEmail(input.email);
  const name = input.name.trim();
  if (name.length === 0 || name.length > NAME_LENGTH_MAX || hasNul(name))
    throw new AuthInputError(`the name must be 1 to ${NAME_LENGTH_MAX} printable characters`);
  const id = input.id ?? `user-${randomUUID()}`;
  if (!isId(id)) throw new AuthInputError(`${JSON.stringify(id)} is not a valid id`);
  await checkRoleAndStore(db, input.role, input.sellerId);
  if (input.password !== undefined) checkPasswordRules(input.password);
  if ((await findUserByEmail(db, email)) !== undefined)
    throw new AuthConflictError(`a user with email ${email} already exists`);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  try {
    await db
      .insertInto('users')
      .values({
        id,
        email,
        name,
        password_hash: passwordHash,
        role: input.role,
        seller_id: input.sellerId ?? null,
        created_at: new Date(at),
      })
      .execute();
  } catch (error) {
    // Lost a race with another insert of the same email, or the id is taken.
    if (isUniqueViolation(error))
      throw new AuthConflictError(`a user with id ${id} or email ${email} already exists`);
    throw error;
  }
  return userRecord({ id, email, name, role: input.role, seller_id: input.sellerId ?? null });
}

/** Sets (or replaces) a user's password; false when there is no such user. */
export async function setPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const result = await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<
  (UserRecord & { readonly passwordHash: string | null; readonly disabled: boolean }) | undefined
> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'seller_id', 'password_hash', 'disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { ...userRecord(row), passwordHash: row.password_hash, disabled: row.disabled_at !== null };
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'seller_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : userRecord(row);
}

/**
 * The user whose email and password these are, or undefined. An unknown email and a wrong
 * password take the same argon2 verification, so the answer time does not tell them apart.
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
): Promise<UserRecord | undefined> {
  // Something that is not an email cannot be an account: skip the query, not the hashing.
  const found = looksLikeEmail(email) ? await findUserByEmail(db, email) : undefined;
  const ok = await verifyPassword(found?.passwordHash ?? null, password);
  // A disabled account is verified like any other, so its answer time gives nothing away.
  if (!ok || found === undefined || found.disabled) return undefined;
  const { passwordHash: _, disabled: __, ...user } = found;
  return user;
}

export function userRecord(row: {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  seller_id: string | null;
}): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    ...(row.seller_id === null ? {} : { sellerId: row.seller_id }),
  };
}

/** A role, and the store exactly when the role is seller (staff act for one store that exists). */
export async function checkRoleAndStore(
  db: Db,
  role: string,
  sellerId: string | undefined,
): Promise<void> {
  if (!isUserRole(role))
    throw new AuthInputError(`the role must be one of ${USER_ROLES.join(', ')}`);
  // The users table enforces this too; checking first gives a sentence instead of a constraint.
  if ((role === 'seller') !== (sellerId !== undefined))
    throw new AuthInputError('a seller account needs --seller (the store), and only a seller may');
  if (sellerId !== undefined) {
    if (!isId(sellerId))
      throw new AuthInputError(`${JSON.stringify(sellerId)} is not a valid seller id`);
    const seller = await db
      .selectFrom('sellers')
      .select('id')
      .where('id', '=', sellerId)
      .executeTakeFirst();
    if (seller === undefined)
      throw new AuthInputError(`no seller ${JSON.stringify(sellerId)}: create the store first`);
  }
}
