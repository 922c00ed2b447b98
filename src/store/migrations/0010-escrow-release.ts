import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Orders release their own escrow once completed, past the protection window, with no dispute
// deciding and no chargeback undecided (domain/escrow-release.ts). The column says when the
// runner should look next: set when the order completes, moved on while something blocks the
// release, cleared once there is nothing left to do. Orders completed before this migration
// are looked at on the runner's first pass; the engine decides from the facts, not from it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`alter table orders add column escrow_release_due_at timestamptz`,
    sql`update orders set escrow_release_due_at = completed_at
      where status = 'completed' and completed_at is not null`,
    sql`create index orders_escrow_release_due on orders (escrow_release_due_at)
      where escrow_release_due_at is not null`,
  ]);
}
