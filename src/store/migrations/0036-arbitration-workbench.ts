import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// The arbitration workbench (issue 12): who holds a case, and the staff's internal notes. Both
// live beside the dispute, not in its event log: a claim is a desk arrangement that lapses, not a
// fact of the case, and notes must never reach a party, a case file or a webhook (the event log
// feeds all three). One claim per dispute at most (the primary key).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table arbitration_claims (
      dispute_id text primary key references disputes (id),
      staff_id text not null references users (id),
      claimed_at timestamptz not null,
      expires_at timestamptz not null check (expires_at > claimed_at)
    )`,
    sql`create table arbitration_notes (
      id text primary key,
      dispute_id text not null references disputes (id),
      staff_id text not null,
      body text not null,
      at timestamptz not null
    )`,
    sql`create index arbitration_notes_dispute on arbitration_notes (dispute_id, at, id)`,
  ]);
}
