import type { Kysely, SelectQueryBuilder } from 'kysely';
import { encodeJson } from './json-codec.ts';
import { jsonb } from './jsonb.ts';
import type { Database } from './schema.ts';
import { type Column, insertRows } from './unnest.ts';
import { writeLater } from './write-later.ts';

// Transactional outbox: messages (webhooks) are written in the same transaction as the events
// that cause them, then delivered at least once by a dispatcher. A claim leases rows by moving
// available_at forward, so the lease outlives the claiming transaction: a dispatcher that dies
// mid-delivery loses its rows to the next claim once the lease runs out, and two dispatchers
// never hold the same row. FOR UPDATE SKIP LOCKED lets concurrent claims on PostgreSQL pass
// each other instead of queueing; PGlite runs one transaction at a time and accepts it as is.

export const CLAIM_BATCH_MAX = 500;
export const CLAIM_LEASE_MS = 60_000;
/** After this many claims a message is left for an operator: retries are bounded. */
export const DELIVERY_ATTEMPTS_MAX = 25;
const ERROR_CHARS_MAX = 2_000;

export interface NewMessage {
  topic: string;
  aggregateId: string;
  payload: unknown;
  /** Epoch milliseconds; the message is not claimed before it. */
  availableAt: number;
  /** Epoch milliseconds; defaults to availableAt. */
  createdAt?: number;
}

export interface ClaimedMessage {
  id: bigint;
  topic: string;
  aggregateId: string;
  payload: unknown;
  /** Including this claim. */
  attempts: number;
  lastError: string | null;
  /** Epoch milliseconds: when the message was written. */
  createdAt: number;
}

/** Adds a message inside the caller's transaction; returns its id. */
export async function enqueue(trx: Kysely<Database>, message: NewMessage): Promise<bigint> {
  const row = await trx
    .insertInto('outbox')
    .values({
      topic: message.topic,
      aggregate_id: message.aggregateId,
      payload: jsonb(message.payload),
      created_at: new Date(message.createdAt ?? message.availableAt),
      available_at: new Date(message.availableAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Adds several messages in one statement (ids follow the given order): a batch of events
 * enqueues them in one round trip instead of one each.
 */
export async function enqueueMany(
  trx: Kysely<Database>,
  messages: readonly NewMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  await writeLater(trx, insertRows('outbox', messages, OUTBOX_COLUMNS));
}

const OUTBOX_COLUMNS: readonly Column<NewMessage>[] = [
  ['topic', 'text', (m) => m.topic],
  ['aggregate_id', 'text', (m) => m.aggregateId],
  ['payload', 'jsonb', (m) => encodeJson(m.payload)],
  ['created_at', 'timestamptz', (m) => new Date(m.createdAt ?? m.availableAt)],
  ['available_at', 'timestamptz', (m) => new Date(m.availableAt)],
];

/**
 * The ids of up to `limit` due messages, oldest first, locked FOR UPDATE SKIP LOCKED: for a
 * claim, or as the subquery of one statement that settles them without a claim.
 */
export function dueMessages(
  db: Kysely<Database>,
  { limit, now }: { limit: number; now: number },
): SelectQueryBuilder<Database, 'outbox', { id: bigint }> {
  if (!Number.isInteger(limit) || limit < 1 || limit > CLAIM_BATCH_MAX) {
    throw new Error(`claim limit must be 1 to ${CLAIM_BATCH_MAX}, got ${limit}`);
  }
  return db
    .selectFrom('outbox')
    .select('id')
    .where('delivered_at', 'is', null)
    .where('available_at', '<=', new Date(now))
    .where('attempts', '<', DELIVERY_ATTEMPTS_MAX)
    .orderBy('available_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked();
}

/** Leases up to `limit` due messages, oldest first, for `leaseMs`; counts the attempt. */
export async function claimBatch(
  db: Kysely<Database>,
  { limit, now, leaseMs = CLAIM_LEASE_MS }: { limit: number; now: number; leaseMs?: number },
): Promise<ClaimedMessage[]> {
  return db.transaction().execute(async (trx) => {
    const due = await dueMessages(trx, { limit, now }).execute();
    if (due.length === 0) return [];
    const rows = await trx
      .updateTable('outbox')
      .set((eb) => ({
        available_at: new Date(now + leaseMs),
        attempts: eb('attempts', '+', 1),
      }))
      .where(
        'id',
        'in',
        due.map((row) => row.id),
      )
      .returning(['id', 'topic', 'aggregate_id', 'payload', 'attempts', 'last_error', 'created_at'])
      .execute();
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return rows.map((row) => ({
      id: row.id,
      topic: row.topic,
      aggregateId: row.aggregate_id,
      payload: row.payload,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at.getTime(),
    }));
  });
}

/** The message reached its destination; it is never claimed again. */
export async function markDelivered(db: Kysely<Database>, id: bigint, now: number): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ delivered_at: new Date(now) })
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}

/** The messages reached their destinations, in one statement however many they are. */
export async function markManyDelivered(
  db: Kysely<Database>,
  ids: readonly bigint[],
  now: number,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ delivered_at: new Date(now) })
    .where('id', 'in', ids)
    .where('delivered_at', 'is', null)
    .execute();
}

/** Delivery failed: keep the reason and make the message due again at `retryAt`. */
export async function markFailed(
  db: Kysely<Database>,
  id: bigint,
  error: string,
  retryAt: number,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ last_error: error.slice(0, ERROR_CHARS_MAX), available_at: new Date(retryAt) })
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}
