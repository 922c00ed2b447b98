import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Order lines (issue 10, item 6): a dispute covers lines of an order, and an order may have one
// open dispute per line, so several at once.
// - order_items gains the marketplace's own line id (rows fed before it read as their line
//   number) and what the buyer paid for the line (null: quantity × unit price).
// - disputes_one_open_per_order goes: it refused a second dispute on an order even for other
//   lines. One open dispute per line is kept where every opening passes: opening a dispute locks
//   its order row FOR UPDATE before it reads which lines open disputes hold (service
//   dispute-service.ts), so two openings on one order run one after the other and the second sees
//   the first. No unique index can say "these arrays do not overlap" without btree_gist, which
//   PGlite does not ship.
// - disputes_order_id replaces it for reading an order's disputes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`alter table order_items add column line_id text`,
    sql`alter table order_items add column line_total_minor bigint
      check (line_total_minor is null or line_total_minor >= 0)`,
    sql`create unique index order_items_line_id on order_items (order_id, line_id)
      where line_id is not null`,
    sql`drop index disputes_one_open_per_order`,
    sql`create index disputes_order_id on disputes (order_id)`,
  ]);
}
