import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Signed checkpoints of every dispute's hash chain (docs/audit.md). The chain alone proves
// nothing to someone who can rewrite the table: they recompute the later hashes. Each write
// therefore also records the chain's head (event count and last hash) signed with an Ed25519
// key kept outside the database; `settle audit verify` checks the signature against public
// keys also kept outside it, then that the stored events still end at that head. One row per
// dispute, replaced by every write. No foreign key to disputes, as for the events (0009).

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table chain_checkpoints (
      dispute_id text primary key,
      seq int not null check (seq >= 1),
      head_hash text not null check (length(head_hash) = 64 and head_hash !~ '[^0-9a-f]'),
      signed_at timestamptz not null,
      key_id text not null,
      signature text not null
    )`,
  ]);
}
