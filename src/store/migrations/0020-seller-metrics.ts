import { type Kysely, sql } from 'kysely';
import {
  type DisputeEvent,
  type DisputeSummary,
  type OrderMetricsFacts,
  summarize,
} from '../../domain/index.ts';
import type { Database } from '../schema.ts';
import { lockOrderFacts, upsertSummaries, writeOrderChanges } from '../seller-metrics-store.ts';
import { runStatements } from './run-statements.ts';

// The seller metrics projection (issue 9, P5): per-dispute summaries and per-seller counter
// buckets, backfilled from the event log and the orders so an upgraded database reads the same
// numbers the fold gave. Backfilled a page at a time, so memory stays bounded.

const PAGE = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table metric_disputes (
      dispute_id text primary key references disputes (id),
      order_id text not null references orders (id),
      seller_id text not null,
      summary jsonb not null
    )`,
    sql`create index metric_disputes_order_id on metric_disputes (order_id)`,
    sql`create table seller_metric_buckets (
      seller_id text not null,
      grain smallint not null,
      start_at timestamptz not null,
      confirmed int not null default 0,
      resolved int not null default 0,
      escalated int not null default 0,
      escalated_counted int not null default 0,
      ruled_against int not null default 0,
      orders_touched int not null default 0,
      orders_disputed int not null default 0,
      primary key (seller_id, grain, start_at)
    )`,
    // List and queue reads (issue 9): a seller's inbox by next deadline (the expression must
    // match service/queries.ts's sort key, literal included) or newest first, and the
    // arbitration queue, longest waiting first: each an index walk, limit rows deep.
    sql`create index disputes_seller_next_deadline on disputes
      (seller_id, (coalesce(next_deadline_at, timestamptz '9999-01-01 00:00:00+00')), id)`,
    sql`create index disputes_seller_opened on disputes (seller_id, opened_at desc, id)`,
    sql`create index disputes_arbitration_queue on disputes (updated_at)
      where status in ('in_arbitration', 'appealed')`,
  ]);
  const store = db as Kysely<Database>;
  await backfillSummaries(store);
  await backfillBuckets(store);
}

async function backfillSummaries(db: Kysely<Database>): Promise<void> {
  let after = '';
  for (;;) {
    const ids = (
      await db
        .selectFrom('disputes')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute()
    ).map((d) => d.id);
    if (ids.length === 0) return;
    const events = await db
      .selectFrom('dispute_events')
      .select(['dispute_id', 'payload'])
      .where('dispute_id', 'in', ids)
      .orderBy('dispute_id')
      .orderBy('seq')
      .execute();
    const byDispute = new Map<string, DisputeEvent[]>();
    for (const e of events) {
      const list = byDispute.get(e.dispute_id) ?? [];
      list.push(e.payload as DisputeEvent);
      byDispute.set(e.dispute_id, list);
    }
    const summaries: DisputeSummary[] = [];
    for (const list of byDispute.values()) {
      const s = summarize(list);
      if (s !== undefined) summaries.push(s);
    }
    await upsertSummaries(db, summaries);
    after = ids.at(-1) as string;
  }
}

async function backfillBuckets(db: Kysely<Database>): Promise<void> {
  let after = '';
  for (;;) {
    const ids = (
      await db
        .selectFrom('orders')
        .select('id')
        .where('id', '>', after)
        .where((eb) =>
          eb.or([
            eb('completed_at', 'is not', null),
            eb.exists(
              eb
                .selectFrom('metric_disputes')
                .select('dispute_id')
                .whereRef('metric_disputes.order_id', '=', 'orders.id'),
            ),
          ]),
        )
        .orderBy('id')
        .limit(PAGE)
        .execute()
    ).map((o) => o.id);
    if (ids.length === 0) return;
    const facts: OrderMetricsFacts[] = [...(await lockOrderFacts(db, ids)).values()];
    await writeOrderChanges(
      db,
      facts.map((after) => ({ before: undefined, after })),
      [],
    );
    after = ids.at(-1) as string;
  }
}
