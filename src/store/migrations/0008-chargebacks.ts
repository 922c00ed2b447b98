import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Chargebacks become writable aggregates: a version for optimistic concurrency (updated only if
// still at the version read, as disputes are) and their few events kept on the row, appended in
// the same statement that writes the folded state. The runner finds lapsed defences by index.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`alter table chargebacks add column version int not null default 0 check (version >= 0)`,
    sql`alter table chargebacks add column events jsonb not null default '[]'
      check (jsonb_typeof(events) = 'array')`,
    sql`alter table chargebacks add constraint chargebacks_status check (status in
      ('awaiting_defence', 'defended', 'defence_lapsed', 'won', 'lost'))`,
    // Only chargebacks still waiting for a defence have a deadline the runner fires.
    sql`create index chargebacks_defence_due on chargebacks (defence_due_at)
      where status = 'awaiting_defence'`,
  ]);
}
