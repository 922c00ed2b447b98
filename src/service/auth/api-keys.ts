// API keys for the marketplace's backend: `sk_<id>_<secret>`. The id is public (it names the key
// in logs and in the event log); the secret is 256 random bits shown once at creation and kept
// only as its SHA-256, compared in constant time.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiKeyScope, Database } from '../../store/schema.ts';
import { nowColumn, type ReadNow } from '../clock.ts';
import { AuthInputError } from './errors.ts';
import { LAST_SEEN_RESOLUTION_MS } from './sessions.ts';
import { randomToken, safeEqual, sha256Hex } from './tokens.ts';
import { hasNul, NAME_LENGTH_MAX } from './users.ts';

type Db = Kysely<Database>;

export type { ApiKeyScope } from '../../store/schema.ts';
/**
 * integration: feed the marketplace's data; admin: act as a platform admin (policies, keys);
 * act_as: act for the marketplace's buyers and staff (`Settle-Act-As`, sign-in links).
 */
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['integration', 'admin', 'act_as'];

// The id is hex so it can never contain the `_` that separates it from the base64url secret.
const KEY_SHAPE = /^sk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly createdAt: number;
  readonly lastUsedAt?: number;
  readonly revokedAt?: number;
  /** It stops working at this time; absent: never. */
  readonly expiresAt?: number;
}

export interface NewApiKey {
  readonly name: string;
  readonly scopes: readonly string[];
  /** Who made it, for the audit trail: a user id, or `cli`. */
  readonly createdBy?: string;
  /** When it stops working (after now); absent: it lasts until revoked. */
  readonly expiresAt?: number;
}

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}

/** The id and secret of a well-formed key, or undefined. */
export function parseApiKey(text: string): { keyId: string; secret: string } | undefined {
  const m = KEY_SHAPE.exec(text);
  return m?.[1] === undefined || m[2] === undefined ? undefined : { keyId: m[1], secret: m[2] };
}

/** Creates a key. `key` is the only copy of the secret: show it once, then forget it. */
export async function createApiKey(
  db: Db,
  input: NewApiKey,
  now: number,
): Promise<{ readonly key: string; readonly record: ApiKeyRecord }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > NAME_LENGTH_MAX || hasNul(name))
    throw new AuthInputError(`the key name must be 1 to ${NAME_LENGTH_MAX} printable characters`);
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw new AuthInputError('a key needs at least one scope');
  const unknown = scopes.filter((s) => !isApiKeyScope(s));
  if (unknown.length > 0)
    throw new AuthInputError(
      `unknown scope ${unknown.join(', ')}: use ${API_KEY_SCOPES.join(' or ')}`,
    );
  // Acting for users is a power of the marketplace's backend, on top of feeding its data.
  if (scopes.includes('act_as') && !scopes.includes('integration'))
    throw new AuthInputError('the act_as scope goes with the integration scope');
  if (input.expiresAt !== undefined && !(input.expiresAt > now))
    throw new AuthInputError('the expiry must be in the future');
  const id = randomBytes(8).toString('hex');
  const secret = randomToken();
  await db
    .insertInto('api_keys')
    .values({
      id,
      name,
      secret_hash: sha256Hex(secret),
      scopes: scopes as ApiKeyScope[],
      created_at: new Date(now),
      created_by: input.createdBy ?? null,
      expires_at: input.expiresAt === undefined ? null : new Date(input.expiresAt),
    })
    .execute();
  return {
    key: `sk_${id}_${secret}`,
    record: {
      id,
      name,
      scopes: scopes as ApiKeyScope[],
      createdAt: now,
      ...(input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt }),
    },
  };
}

/**
 * The live key a presented `sk_...` string names, or undefined (malformed, unknown, revoked,
 * expired).
 */
export async function resolveApiKey(
  db: Db,
  presented: string,
  readNow: ReadNow,
): Promise<ApiKeyRecord | undefined> {
  const parsed = parseApiKey(presented);
  if (parsed === undefined) return undefined;
  const found = await db
    .selectFrom('api_keys')
    .selectAll()
    .select(nowColumn(readNow).as('now'))
    .where('id', '=', parsed.keyId)
    .executeTakeFirst();
  if (found === undefined || found.revoked_at !== null) return undefined;
  const { now: at, ...row } = found;
  const now = at.getTime();
  if (row.expires_at !== null && now >= row.expires_at.getTime()) return undefined;
  if (!safeEqual(sha256Hex(parsed.secret), row.secret_hash)) return undefined;
  const lastUsed = row.last_used_at?.getTime();
  if (lastUsed === undefined || now - lastUsed >= LAST_SEEN_RESOLUTION_MS) {
    await db
      .updateTable('api_keys')
      .set({ last_used_at: new Date(now) })
      .where('id', '=', row.id)
      .execute();
  }
  return apiKeyRecord({ ...row, last_used_at: new Date(now) });
}

/** Revokes a key at once; false when there is no such live key. */
export async function revokeApiKey(db: Db, keyId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date(now) })
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** One key by id, revoked or not, without its secret. */
export async function findApiKey(db: Db, keyId: string): Promise<ApiKeyRecord | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', '=', keyId)
    .executeTakeFirst();
  return row === undefined ? undefined : apiKeyRecord(row);
}

export const API_KEYS_LISTED_MAX = 1_000;

/** Every key, newest first, without secrets (there are none to show); at most 1,000. */
export async function listApiKeys(db: Db): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(API_KEYS_LISTED_MAX)
    .execute();
  return rows.map(apiKeyRecord);
}

function apiKeyRecord(row: {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
}): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdAt: row.created_at.getTime(),
    ...(row.last_used_at === null ? {} : { lastUsedAt: row.last_used_at.getTime() }),
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at.getTime() }),
    ...(row.expires_at === null ? {} : { expiresAt: row.expires_at.getTime() }),
  };
}
