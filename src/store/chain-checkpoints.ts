import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import { type Column, unnestRows } from './unnest.ts';
import { writeLater } from './write-later.ts';

// The signed head of each dispute's chain, one row per dispute (migration 0012). The store only
// keeps them; signing and checking are the service's (service/audit), which holds the keys.

export interface CheckpointRow {
  readonly disputeId: string;
  readonly seq: number;
  readonly headHash: string;
  /** Epoch milliseconds. */
  readonly signedAt: number;
  readonly keyId: string;
  readonly signature: string;
}

const COLUMNS: readonly Column<CheckpointRow>[] = [
  ['dispute_id', 'text', (c) => c.disputeId],
  ['seq', 'int', (c) => c.seq],
  ['head_hash', 'text', (c) => c.headHash],
  ['signed_at', 'timestamptz', (c) => new Date(c.signedAt)],
  ['key_id', 'text', (c) => c.keyId],
  ['signature', 'text', (c) => c.signature],
];

/**
 * Replaces the checkpoints of these disputes, all in one statement. Never moves one back: a
 * checkpoint only replaces one of a lower seq (writes to a dispute are serialised by its row's
 * version, so this holds anyway; the condition keeps it true if that ever changes).
 */
export async function upsertCheckpoints(
  trx: Kysely<Database>,
  checkpoints: readonly CheckpointRow[],
): Promise<void> {
  if (checkpoints.length === 0) return;
  await writeLater(
    trx,
    sql`insert into chain_checkpoints (dispute_id, seq, head_hash, signed_at, key_id, signature)
    select dispute_id, seq, head_hash, signed_at, key_id, signature
    from ${unnestRows(checkpoints, COLUMNS)}
    on conflict (dispute_id) do update set seq = excluded.seq, head_hash = excluded.head_hash,
      signed_at = excluded.signed_at, key_id = excluded.key_id, signature = excluded.signature
    where chain_checkpoints.seq < excluded.seq`,
  );
}

/**
 * Adds checkpoints for disputes that have none, never touching one that exists: the backfill of
 * disputes written before signing (service/audit/backfill-checkpoints.ts). A writer that signed
 * meanwhile holds the newer head, so its checkpoint wins; a second backfill changes nothing.
 * Returns how many were added.
 */
export async function insertMissingCheckpoints(
  trx: Kysely<Database>,
  checkpoints: readonly CheckpointRow[],
): Promise<number> {
  if (checkpoints.length === 0) return 0;
  const result =
    await sql`insert into chain_checkpoints (dispute_id, seq, head_hash, signed_at, key_id, signature)
    select dispute_id, seq, head_hash, signed_at, key_id, signature
    from ${unnestRows(checkpoints, COLUMNS)}
    on conflict (dispute_id) do nothing
    returning dispute_id`.execute(trx);
  return result.rows.length;
}

/** A dispute row that has no checkpoint: its id and the event count its row claims. */
export interface UncheckedDispute {
  readonly disputeId: string;
  readonly version: number;
}

/** Disputes without a checkpoint in id order after `after`, a page at a time. */
export async function disputesWithoutCheckpoint(
  db: Kysely<Database>,
  after: string | undefined,
  limit: number,
): Promise<UncheckedDispute[]> {
  let query = db
    .selectFrom('disputes as d')
    .select(['d.id', 'd.version'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('chain_checkpoints as c')
            .select('c.dispute_id')
            .whereRef('c.dispute_id', '=', 'd.id'),
        ),
      ),
    );
  if (after !== undefined) query = query.where('d.id', '>', after);
  const rows = await query.orderBy('d.id').limit(limit).execute();
  return rows.map((r) => ({ disputeId: r.id, version: r.version }));
}

/** Which of `disputeIds` have a checkpoint now. */
export async function checkpointedAmong(
  db: Kysely<Database>,
  disputeIds: readonly string[],
): Promise<Set<string>> {
  if (disputeIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('chain_checkpoints')
    .select('dispute_id')
    .where('dispute_id', 'in', disputeIds)
    .execute();
  return new Set(rows.map((r) => r.dispute_id));
}

export async function loadCheckpoint(
  db: Kysely<Database>,
  disputeId: string,
): Promise<CheckpointRow | undefined> {
  const row = await db
    .selectFrom('chain_checkpoints')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}

/** Checkpoints in dispute order after `after`, a page at a time. */
export async function checkpointPage(
  db: Kysely<Database>,
  after: string | undefined,
  limit: number,
): Promise<CheckpointRow[]> {
  let query = db.selectFrom('chain_checkpoints').selectAll();
  if (after !== undefined) query = query.where('dispute_id', '>', after);
  return (await query.orderBy('dispute_id').limit(limit).execute()).map(fromRow);
}

function fromRow(row: {
  dispute_id: string;
  seq: number;
  head_hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}): CheckpointRow {
  return {
    disputeId: row.dispute_id,
    seq: row.seq,
    headHash: row.head_hash,
    signedAt: row.signed_at.getTime(),
    keyId: row.key_id,
    signature: row.signature,
  };
}
