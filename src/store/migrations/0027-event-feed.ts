import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// The catch-up feed (issue 10, item 2) reads the outbox in the order its rows became visible.
// Outbox ids come from a sequence when a row is written, so they are not commit order: id 9 may
// commit after id 10, and a reader that moved its cursor past 10 would never see 9. So rows get a
// feed position after they commit, assigned in one place at a time (the event_feed row is the
// lock and holds the last position given), and the feed reads by position: never a gap.
// pruned_through is the highest position the runner has deleted: a cursor below it has lost
// events and is answered 410; pruned_id_max the highest outbox id deleted, so a cursor naming a
// row that is gone is told it was pruned rather than that it never existed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`alter table outbox add column feed_position bigint`,
    sql`create unique index outbox_feed on outbox (feed_position) where feed_position is not null`,
    // What is still to be placed: small, since placing runs after every write and runner pass.
    sql`create index outbox_feed_unplaced on outbox (id) where feed_position is null`,
    // The runner prunes by age.
    sql`create index outbox_created on outbox (created_at)`,
    sql`create table event_feed (
      id int primary key check (id = 1),
      last_position bigint not null default 0,
      pruned_through bigint not null default 0,
      pruned_id_max bigint not null default 0
    )`,
    sql`insert into event_feed (id) values (1)`,
  ]);
}
