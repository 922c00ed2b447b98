import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// List and queue reads (issue 9): each read an index walk that starts at its page, whatever the
// number of disputes.
// - Every dispute, as an arbitrator or admin lists them (no seller or buyer to lead with): by
//   next deadline (the expression exactly as service/queries.ts sorts, literal included) or
//   newest first. Without these the list sorted the whole table (92 ms at 100,000 disputes).
// - The arbitration queue, longest waiting first: by when the dispute started waiting (the
//   appeal, else the escalation, else the opening: service/seller-metrics.ts's expression), not
//   by updated_at, which a message in arbitration moves, so the first page held the least
//   recently touched disputes rather than the longest waiting ones.
// - A seller's inbox filtered to one status (the common filter: "what is in arbitration"), by
//   next deadline: without it the walk along the seller's index skipped every row of the other
//   statuses (5,742 rows for a 4% status of a 10,000-dispute seller).
// - disputes_seller_id goes: both seller inbox indexes of 0020 lead with seller_id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create index disputes_next_deadline_order on disputes
      ((coalesce(next_deadline_at, timestamptz '9999-01-01 00:00:00+00')), id)`,
    sql`create index disputes_opened on disputes (opened_at desc, id)`,
    sql`create index disputes_seller_status_next_deadline on disputes
      (seller_id, status, (coalesce(next_deadline_at, timestamptz '9999-01-01 00:00:00+00')), id)`,
    sql`create index disputes_arbitration_waiting on disputes
      (((coalesce(state->'appeal'->>'at', state->'escalation'->>'at', state->>'openedAt'))::bigint), id)
      where status in ('in_arbitration', 'appealed')`,
    sql`drop index disputes_arbitration_queue`,
    sql`drop index disputes_seller_id`,
  ]);
}
