import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// The marketplace's own list (issue 10, item 1): an integration key lists every dispute, so its
// common filters need an index that leads with them, not a walk of the whole table.
// - By order: the one-open-per-order index covers only open disputes; a closed one is asked for
//   as often (what happened to order X).
// - By buyer, newest first: the buyer's own list and the marketplace's "this customer's
//   disputes"; replaces disputes_buyer_id, which it leads with.
// - Changed since (updated_at ascending, id): how an integration syncs its copy.
// - By status across stores, soonest deadline first: "everything in arbitration".
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create index disputes_order on disputes (order_id, opened_at desc, id)`,
    sql`create index disputes_buyer_opened on disputes (buyer_id, opened_at desc, id)`,
    sql`drop index disputes_buyer_id`,
    sql`create index disputes_updated on disputes (updated_at, id)`,
    sql`create index disputes_status_next_deadline on disputes
      (status, (coalesce(next_deadline_at, timestamptz '9999-01-01 00:00:00+00')), id)`,
  ]);
}
