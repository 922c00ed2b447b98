import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// The deadline runner writes hundreds of disputes per transaction; EXPLAIN ANALYZE of its
// batches showed three costs that bought nothing (docs/benchmarks.md has the numbers):
//
// - The event hashes' checks said "64 lowercase hex digits" as `~ '^[0-9a-f]{64}$'`, which
//   PostgreSQL's regex engine runs as a 64-state automaton per row: about half the cost of an
//   event insert. A length and a negated character class say the same and cost almost nothing.
//   Rows already stored passed the old check, the same rule, so validating them cannot fail.
// - dispute_events and ledger_transactions referenced disputes, the projection, from the truth:
//   backwards (the projection could not be rebuilt from the events without dropping them), and
//   a foreign-key trigger per event row was a third of the event insert's time. Both tables
//   are written only by the dispute writer, in the same transaction as the dispute row, and
//   `settle audit verify` reports events or ledger lines whose dispute has no row.
// - The dispute row's state snapshot (about 2 KB) crossed the 2 KB TOAST threshold, so every
//   update compressed it and every claim decompressed it: half the update's time. Rows now stay
//   inline and uncompressed up to a page; larger states are still compressed and moved out.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`alter table dispute_events
      drop constraint dispute_events_prev_hash_check,
      drop constraint dispute_events_hash_check,
      drop constraint dispute_events_dispute_id_fkey,
      add constraint dispute_events_prev_hash_check
        check (length(prev_hash) = 64 and prev_hash !~ '[^0-9a-f]'),
      add constraint dispute_events_hash_check
        check (length(hash) = 64 and hash !~ '[^0-9a-f]')`,
    sql`alter table ledger_transactions drop constraint ledger_transactions_dispute_id_fkey`,
    sql`alter table disputes set (toast_tuple_target = 8160)`,
  ]);
}
