import { type Kysely, sql } from 'kysely';
import { encodeJson } from './json-codec.ts';
import { jsonb } from './jsonb.ts';
import type { Database } from './schema.ts';
import { writeLater } from './write-later.ts';

// Idempotency keys with Stripe's semantics: the first request with a key runs; a retry with the
// same parameters gets the first response replayed; different parameters under the same key are
// refused; a retry while the first is still running is told so. Keys live 24 hours.
// Races are settled by the primary key: insert … on conflict do nothing, then read the winner.

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1_000;
/** How long a request may hold its key before a retry may take it over (a crashed process). */
export const IDEMPOTENCY_LOCK_MS = 60_000;
/** Responses are replayed from the database; bigger ones are a bug in the route. */
export const RESPONSE_BODY_BYTES_MAX = 256 * 1024;
export const KEY_LENGTH_MAX = 255;
/** Each round loses only to a concurrent writer; two in a row means something is wrong. */
const ROUNDS_MAX = 3;
export const PRUNE_BATCH_MAX = 10_000;

export type IdempotencyOutcome =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

export interface IdempotencyRequest {
  caller: string;
  key: string;
  /** A hash of the request's method, path and body: what "same parameters" means. */
  requestHash: string;
  /** Epoch milliseconds. */
  now: number;
}

export interface KeyRef {
  caller: string;
  key: string;
}

/**
 * Claims the key for this request, or says why not. 'new' means: run it, then complete. Called
 * inside the command's own transaction, the claim and its completion commit (or vanish) with
 * the command: a crash can never leave a committed write without its replayable outcome.
 */
export async function beginIdempotent(
  db: Kysely<Database>,
  request: IdempotencyRequest,
): Promise<IdempotencyOutcome> {
  if (request.key.length === 0 || request.key.length > KEY_LENGTH_MAX) {
    throw new Error(`idempotency key must be 1 to ${KEY_LENGTH_MAX} characters`);
  }
  for (let round = 0; round < ROUNDS_MAX; round++) {
    const outcome = await attempt(db, request);
    if (outcome !== undefined) return outcome;
  }
  throw new Error(`idempotency key ${request.key} kept changing under ${ROUNDS_MAX} attempts`);
}

/** One round; undefined when a concurrent writer changed the row between our read and write. */
async function attempt(
  db: Kysely<Database>,
  { caller, key, requestHash, now }: IdempotencyRequest,
): Promise<IdempotencyOutcome | undefined> {
  const claim = {
    request_hash: requestHash,
    status: 'in_flight' as const,
    response_status: null,
    response_body: null,
    created_at: new Date(now),
    locked_until: new Date(now + IDEMPOTENCY_LOCK_MS),
  };
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ caller, key, ...claim })
    .onConflict((oc) => oc.columns(['caller', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted !== undefined) return { kind: 'new' };

  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('caller', '=', caller)
    .where('key', '=', key)
    .executeTakeFirst();
  if (row === undefined) return undefined; // pruned between the insert and the read
  if (row.created_at.getTime() + IDEMPOTENCY_TTL_MS <= now) {
    // Expired: the key is free again. The guard on created_at lets one contender win.
    const taken = await db
      .updateTable('idempotency_keys')
      .set(claim)
      .where('caller', '=', caller)
      .where('key', '=', key)
      .where('created_at', '=', row.created_at)
      .returning('key')
      .executeTakeFirst();
    return taken === undefined ? undefined : { kind: 'new' };
  }
  if (row.request_hash !== requestHash) return { kind: 'mismatch' };
  if (row.status === 'done') {
    return { kind: 'replay', status: row.response_status ?? 0, body: row.response_body };
  }
  if (row.locked_until.getTime() > now) return { kind: 'in_flight' };
  // The holder outlived its lock (crashed or hung): a retry may take the request over.
  const resumed = await db
    .updateTable('idempotency_keys')
    .set({ locked_until: new Date(now + IDEMPOTENCY_LOCK_MS) })
    .where('caller', '=', caller)
    .where('key', '=', key)
    .where('status', '=', 'in_flight')
    .where('locked_until', '=', row.locked_until)
    .returning('key')
    .executeTakeFirst();
  return resumed === undefined ? undefined : { kind: 'new' };
}

/**
 * What a retry with this key would get, without claiming anything: 'absent' when the key is free
 * (never used, expired, or its first request never committed). For a look before the work.
 */
export async function peekIdempotent(
  db: Kysely<Database>,
  { caller, key, requestHash, now }: IdempotencyRequest,
): Promise<Exclude<IdempotencyOutcome, { kind: 'new' }> | { kind: 'absent' }> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('caller', '=', caller)
    .where('key', '=', key)
    .executeTakeFirst();
  if (row === undefined || row.created_at.getTime() + IDEMPOTENCY_TTL_MS <= now)
    return { kind: 'absent' };
  if (row.request_hash !== requestHash) return { kind: 'mismatch' };
  if (row.status === 'done') {
    return { kind: 'replay', status: row.response_status ?? 0, body: row.response_body };
  }
  // A claim whose holder died (lock run out) is free to take over.
  return row.locked_until.getTime() > now ? { kind: 'in_flight' } : { kind: 'absent' };
}

/**
 * Records the response to replay. False when the key is no longer ours (it expired and was
 * taken, or was completed by a takeover); the response stands, it just will not be replayed.
 */
export async function completeIdempotent(
  db: Kysely<Database>,
  ref: KeyRef & { status: number; body: unknown },
): Promise<boolean> {
  checkedBody(ref);
  const result = await db
    .updateTable('idempotency_keys')
    .set({ status: 'done', response_status: ref.status, response_body: jsonb(ref.body) })
    .where('caller', '=', ref.caller)
    .where('key', '=', ref.key)
    .where('status', '=', 'in_flight')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Records the response to replay of a key claimed in the same transaction, with the
 * transaction's other held writes when it holds them (store/write-later.ts): the claim in this
 * transaction makes the key ours, so there is no count to check.
 */
export async function completeClaimed(
  trx: Kysely<Database>,
  ref: KeyRef & { status: number; body: unknown },
): Promise<void> {
  const body = checkedBody(ref);
  await writeLater(
    trx,
    sql`update idempotency_keys set status = 'done', response_status = ${ref.status},
      response_body = cast(${body}::text as jsonb)
    where caller = ${ref.caller} and key = ${ref.key} and status = 'in_flight'`,
  );
}

/** The response body as stored, refused when it is no response or too big to replay. */
function checkedBody(ref: { status: number; body: unknown }): string {
  if (!Number.isInteger(ref.status) || ref.status < 100 || ref.status > 599) {
    throw new Error(`HTTP status ${ref.status} is not a status`);
  }
  const text = encodeJson(ref.body);
  const bytes = Buffer.byteLength(text);
  if (bytes > RESPONSE_BODY_BYTES_MAX) {
    throw new Error(
      `response body of ${bytes} bytes; replay stores at most ${RESPONSE_BODY_BYTES_MAX}`,
    );
  }
  return text;
}

/** Lets go of a key whose request failed without a response worth replaying, so a retry runs. */
export async function releaseIdempotent(db: Kysely<Database>, ref: KeyRef): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('caller', '=', ref.caller)
    .where('key', '=', ref.key)
    .where('status', '=', 'in_flight')
    .execute();
}

/** Deletes up to PRUNE_BATCH_MAX expired keys; returns how many (call again while it is full). */
export async function pruneIdempotency(db: Kysely<Database>, now: number): Promise<number> {
  const expiredBefore = new Date(now - IDEMPOTENCY_TTL_MS);
  const result = await db
    .deleteFrom('idempotency_keys')
    .where((eb) =>
      eb(
        eb.refTuple('caller', 'key'),
        'in',
        eb
          .selectFrom('idempotency_keys')
          .select(['caller', 'key'])
          .where('created_at', '<=', expiredBefore)
          .limit(PRUNE_BATCH_MAX)
          .$asTuple('caller', 'key'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
