import type { Kysely } from 'kysely';
import { ConcurrencyConflict, isUniqueViolation } from './errors.ts';
import { eventHash, GENESIS_HASH } from './event-hash.ts';
import { jsonb } from './jsonb.ts';
import type { Database, DisputeEventRow } from './schema.ts';

// The append-only, hash-chained event stream of each dispute: the dispute's truth. Optimistic
// concurrency rides on the primary key (dispute_id, seq): two writers appending after the same
// seq collide there, and the loser gets ConcurrencyConflict to reload and retry.

/** One decision rarely yields more than a handful of events; more is a bug upstream. */
export const EVENTS_PER_APPEND_MAX = 64;
/** A dispute is a bounded conversation; past this, loading it whole is no longer sensible. */
export const EVENTS_PER_DISPUTE_MAX = 10_000;

export interface NewEvent {
  type: string;
  /** Epoch milliseconds. */
  at: number;
  actorRole: string;
  actorId?: string;
  payload: unknown;
}

export interface StoredEvent {
  disputeId: string;
  seq: number;
  type: string;
  at: number;
  actorRole: string;
  actorId: string | null;
  payload: unknown;
  prevHash: string;
  hash: string;
}

/**
 * Appends `events` after `expectedSeq` (0 for a new dispute); they get seq expectedSeq+1….
 * Call inside the transaction that also writes the projection and outbox. `prevHash`, the hash
 * of the event at `expectedSeq` when the caller already read it (the service reads it with the
 * dispute row), saves a lookup; events never change, so a hash read earlier is still the hash.
 */
export async function appendEvents(
  trx: Kysely<Database>,
  disputeId: string,
  expectedSeq: number,
  events: readonly NewEvent[],
  prevHash?: string,
): Promise<StoredEvent[]> {
  if (!Number.isSafeInteger(expectedSeq) || expectedSeq < 0) {
    throw new Error(`expectedSeq must be a whole number >= 0, got ${expectedSeq}`);
  }
  if (events.length > EVENTS_PER_APPEND_MAX) {
    throw new Error(`${events.length} events in one append; the limit is ${EVENTS_PER_APPEND_MAX}`);
  }
  if (events.length === 0) return [];
  const previous =
    expectedSeq === 0 ? GENESIS_HASH : (prevHash ?? (await hashAt(trx, disputeId, expectedSeq)));
  const stored = chain(disputeId, expectedSeq, previous, events);
  try {
    await trx.insertInto('dispute_events').values(stored.map(toRow)).execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConcurrencyConflict(disputeId, expectedSeq, { cause: error });
    throw error;
  }
  return stored;
}

/** Every event of the dispute in seq order, payload bigints revived. */
export async function loadEvents(db: Kysely<Database>, disputeId: string): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('dispute_events')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .orderBy('seq')
    .limit(EVENTS_PER_DISPUTE_MAX + 1)
    .execute();
  if (rows.length > EVENTS_PER_DISPUTE_MAX) {
    throw new Error(`dispute ${disputeId} has over ${EVENTS_PER_DISPUTE_MAX} events`);
  }
  return rows.map(fromRow);
}

export function fromRow(row: DisputeEventRow): StoredEvent {
  return {
    disputeId: row.dispute_id,
    seq: row.seq,
    type: row.type,
    at: row.at.getTime(),
    actorRole: row.actor_role,
    actorId: row.actor_id,
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

async function hashAt(trx: Kysely<Database>, disputeId: string, seq: number): Promise<string> {
  if (seq === 0) return GENESIS_HASH;
  const row = await trx
    .selectFrom('dispute_events')
    .select('hash')
    .where('dispute_id', '=', disputeId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  // The caller read version `seq` from somewhere; events are never deleted, so it must exist.
  if (row === undefined) throw new Error(`dispute ${disputeId} has no event at seq ${seq}`);
  return row.hash;
}

function chain(
  disputeId: string,
  afterSeq: number,
  prevHash: string,
  events: readonly NewEvent[],
): StoredEvent[] {
  const stored: StoredEvent[] = [];
  let previous = prevHash;
  for (const [index, event] of events.entries()) {
    const hashed = {
      disputeId,
      seq: afterSeq + index + 1,
      type: event.type,
      at: event.at,
      actorRole: event.actorRole,
      actorId: event.actorId ?? null,
      payload: event.payload,
    };
    const hash = eventHash(previous, hashed);
    stored.push({ ...hashed, prevHash: previous, hash });
    previous = hash;
  }
  return stored;
}

function toRow(event: StoredEvent) {
  return {
    dispute_id: event.disputeId,
    seq: event.seq,
    type: event.type,
    at: new Date(event.at),
    actor_role: event.actorRole,
    actor_id: event.actorId,
    payload: jsonb(event.payload),
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}
