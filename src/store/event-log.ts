import type { Kysely } from 'kysely';
import { canonicalJson } from './canonical-json.ts';
import { ConcurrencyConflict, detailOf, isUniqueViolation } from './errors.ts';
import { eventHashWithPayload, GENESIS_HASH } from './event-hash.ts';
import type { Database, DisputeEventRow } from './schema.ts';
import { type Column, insertRows } from './unnest.ts';

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

/** One dispute's new events, appended after `expectedSeq` (0 for a new dispute). */
export interface Append {
  disputeId: string;
  expectedSeq: number;
  events: readonly NewEvent[];
  /** The hash of the event at `expectedSeq` when the caller already read it (saves a lookup). */
  prevHash?: string;
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
  const append = {
    disputeId,
    expectedSeq,
    events,
    ...(prevHash === undefined ? {} : { prevHash }),
  };
  const [stored] = await appendEventsOfMany(trx, [append]);
  return stored ?? [];
}

/**
 * Appends the events of several disputes in one statement (the deadline runner writes a whole
 * claimed batch so). Each dispute's chain is computed here;
 * a dispute that moved past its expectedSeq fails the whole call with ConcurrencyConflict.
 */
export async function appendEventsOfMany(
  trx: Kysely<Database>,
  appends: readonly Append[],
): Promise<StoredEvent[][]> {
  const chained: Chained[][] = [];
  for (const { disputeId, expectedSeq, events, prevHash } of appends) {
    if (!Number.isSafeInteger(expectedSeq) || expectedSeq < 0) {
      throw new Error(`expectedSeq must be a whole number >= 0, got ${expectedSeq}`);
    }
    if (events.length > EVENTS_PER_APPEND_MAX) {
      throw new Error(
        `${events.length} events in one append; the limit is ${EVENTS_PER_APPEND_MAX}`,
      );
    }
    const previous =
      events.length === 0 || expectedSeq === 0
        ? GENESIS_HASH
        : (prevHash ?? (await hashAt(trx, disputeId, expectedSeq)));
    chained.push(chain(disputeId, expectedSeq, previous, events));
  }
  const stored = chained.map((events) => events.map((c) => c.event));
  const rows = chained.flat();
  if (rows.length === 0) return stored;
  try {
    await insertRows('dispute_events', rows, EVENT_COLUMNS).execute(trx);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // DETAIL names the key that collided: "Key (dispute_id, seq)=(d-1, 3) already exists."
    const detail = String(detailOf(error));
    const append = appends.find((a) => detail.includes(`=(${a.disputeId}, `)) ?? appends[0];
    throw new ConcurrencyConflict(append?.disputeId ?? '?', append?.expectedSeq ?? 0, {
      cause: error,
    });
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

/** A new event with its hash, and its payload's canonical JSON: hashed, then stored as is. */
interface Chained {
  readonly event: StoredEvent;
  readonly payloadJson: string;
}

function chain(
  disputeId: string,
  afterSeq: number,
  prevHash: string,
  events: readonly NewEvent[],
): Chained[] {
  const chained: Chained[] = [];
  let previous = prevHash;
  for (const [index, event] of events.entries()) {
    const hashed = {
      disputeId,
      seq: afterSeq + index + 1,
      type: event.type,
      at: event.at,
      actorRole: event.actorRole,
      actorId: event.actorId ?? null,
    };
    const payloadJson = canonicalJson(event.payload);
    const hash = eventHashWithPayload(previous, hashed, payloadJson);
    chained.push({
      event: { ...hashed, payload: event.payload, prevHash: previous, hash },
      payloadJson,
    });
    previous = hash;
  }
  return chained;
}

const EVENT_COLUMNS: readonly Column<Chained>[] = [
  ['dispute_id', 'text', (c) => c.event.disputeId],
  ['seq', 'int', (c) => c.event.seq],
  ['type', 'text', (c) => c.event.type],
  ['at', 'timestamptz', (c) => new Date(c.event.at)],
  ['actor_role', 'text', (c) => c.event.actorRole],
  ['actor_id', 'text', (c) => c.event.actorId],
  ['payload', 'jsonb', (c) => c.payloadJson],
  ['prev_hash', 'text', (c) => c.event.prevHash],
  ['hash', 'text', (c) => c.event.hash],
];
