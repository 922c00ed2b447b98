// The seller metrics projection in SQL: per-dispute summaries (what a write changes from) and
// counter buckets per seller and grain (what a read sums). Writers lock the orders they change
// so two disputes of one order never both compute from the same "before"; bucket rows are
// upserted in key order, one statement, so concurrent writers take their row locks in the same
// order and cannot deadlock on them.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import {
  bucketStart,
  COUNTER_NAMES,
  type Contribution,
  type CounterName,
  type Counters,
  contributionDelta,
  type DisputeSummary,
  GRAINS,
  type Grain,
  type Instant,
  type OrderId,
  type OrderMetricsFacts,
  type SellerId,
  windowRanges,
  ZERO_COUNTERS,
} from '../domain/index.ts';
import { encodeJson } from './json-codec.ts';
import { heldFacts, lockOrderRows, rememberFacts } from './order-locks.ts';
import type { Database } from './schema.ts';
import { type Column, insertRows } from './unnest.ts';
import { writeLater } from './write-later.ts';

type Db = Kysely<Database>;

/**
 * The orders' metrics facts, their rows locked first (then read in a statement of their own, so
 * under READ COMMITTED it sees what the writer we waited for committed). Orders this transaction
 * locked already are not locked again, and facts it read or wrote under its lock are not read
 * again (store/order-locks.ts).
 */
export async function lockOrderFacts(
  trx: Db,
  orderIds: readonly string[],
): Promise<Map<string, OrderMetricsFacts>> {
  const ids = [...new Set(orderIds)].sort();
  const facts = new Map<string, OrderMetricsFacts>();
  const unread: string[] = [];
  for (const id of ids) {
    const known = heldFacts(trx, id);
    if (known === undefined) unread.push(id);
    else facts.set(id, known);
  }
  if (unread.length === 0) return facts;
  await lockOrderRows(trx, unread);
  for (const f of (await readOrderFacts(trx, unread)).values()) {
    facts.set(f.orderId, f);
    rememberFacts(trx, f);
  }
  return new Map([...facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The orders' metrics facts, in one statement (a reader's view: no lock). */
export async function readOrderFacts(
  trx: Db,
  orderIds: readonly string[],
): Promise<Map<string, OrderMetricsFacts>> {
  const facts = new Map<string, OrderMetricsFacts>();
  if (orderIds.length === 0) return facts;
  const ids = [...new Set(orderIds)].sort();
  const orders = await trx
    .selectFrom('orders')
    .select(['id', 'seller_id', 'completed_at', orderSummaries])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  for (const o of orders) facts.set(o.id, factsOf(o));
  return facts;
}

/** With an orders row: its disputes' metrics summaries, as one jsonb array (by dispute id). */
export function orderSummaries(eb: ExpressionBuilder<Database, 'orders'>) {
  return eb
    .selectFrom('metric_disputes')
    .select(sql<DisputeSummary[]>`coalesce(jsonb_agg(summary order by dispute_id), '[]')`.as('s'))
    .whereRef('metric_disputes.order_id', '=', 'orders.id')
    .as('summaries');
}

export function factsOf(o: {
  id: string;
  seller_id: string;
  completed_at: Date | null;
  summaries: DisputeSummary[] | null;
}): OrderMetricsFacts {
  return {
    orderId: o.id as OrderId,
    sellerId: o.seller_id as SellerId,
    ...(o.completed_at === null ? {} : { completedAt: o.completed_at.getTime() as Instant }),
    disputes: o.summaries ?? [],
  };
}

const SUMMARY_COLUMNS: readonly Column<DisputeSummary>[] = [
  ['dispute_id', 'text', (s) => s.disputeId],
  ['order_id', 'text', (s) => s.orderId],
  ['seller_id', 'text', (s) => s.sellerId],
  ['summary', 'jsonb', (s) => encodeJson(s)],
];

/** Stores the disputes' summaries as they are now (one statement). */
export async function upsertSummaries(trx: Db, summaries: readonly DisputeSummary[]) {
  if (summaries.length === 0) return;
  await writeLater(
    trx,
    sql`${insertRows('metric_disputes', summaries, SUMMARY_COLUMNS)}
    on conflict (dispute_id) do update set summary = excluded.summary`,
  );
}

interface BucketDelta {
  readonly sellerId: string;
  readonly grain: Grain;
  readonly startMs: number;
  readonly counters: Record<CounterName, number>;
}

const BUCKET_COLUMNS: readonly Column<BucketDelta>[] = [
  ['seller_id', 'text', (b) => b.sellerId],
  ['grain', 'int', (b) => b.grain],
  ['start_at', 'timestamptz', (b) => new Date(b.startMs)],
  ...COUNTER_NAMES.map((name): Column<BucketDelta> => [name, 'int', (b) => b.counters[name]]),
];

/** Each contribution at every grain, summed per bucket, zero buckets dropped, in key order. */
export function bucketDeltas(
  contributions: readonly { sellerId: string; contribution: Contribution }[],
): BucketDelta[] {
  const byKey = new Map<string, BucketDelta>();
  for (const { sellerId, contribution: c } of contributions) {
    for (const grain of GRAINS) {
      const startMs = bucketStart(grain, c.at);
      const key = `${sellerId}\u0000${grain}\u0000${String(startMs).padStart(16, '0')}`;
      let bucket = byKey.get(key);
      if (bucket === undefined) {
        bucket = { sellerId, grain, startMs, counters: { ...ZERO_COUNTERS } };
        byKey.set(key, bucket);
      }
      bucket.counters[c.counter] += c.count;
    }
  }
  return [...byKey.entries()]
    .filter(([, b]) => COUNTER_NAMES.some((n) => b.counters[n] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, b]) => b);
}

/** Adds the deltas to their buckets: `insert … on conflict do update set x = x + excluded.x`. */
export async function addBucketDeltas(trx: Db, deltas: readonly BucketDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const sets = sql.join(
    COUNTER_NAMES.map(
      (n) => sql`${sql.id(n)} = seller_metric_buckets.${sql.id(n)} + excluded.${sql.id(n)}`,
    ),
  );
  await writeLater(
    trx,
    sql`${insertRows('seller_metric_buckets', deltas, BUCKET_COLUMNS)}
    on conflict (seller_id, grain, start_at) do update set ${sets}`,
  );
}

/**
 * Writes what changing these orders does to the metrics: the summaries of the disputes that
 * changed, and every order's contribution after less before, as bucket deltas.
 */
export async function writeOrderChanges(
  trx: Db,
  changes: readonly { before: OrderMetricsFacts | undefined; after: OrderMetricsFacts }[],
  changedSummaries: readonly DisputeSummary[],
): Promise<void> {
  for (const { after } of changes) rememberFacts(trx, after);
  await upsertSummaries(trx, changedSummaries);
  await addBucketDeltas(
    trx,
    bucketDeltas(
      changes.flatMap(({ before, after }) =>
        contributionDelta(before, after).map((contribution) => ({
          sellerId: after.sellerId,
          contribution,
        })),
      ),
    ),
  );
}

/** The seller's counters over (from, now]: at most ~31 days + 2×(23 hours + 59 minutes) rows. */
export async function sumWindow(db: Db, sellerId: string, from: number, now: number) {
  const ranges = windowRanges(from, now);
  if (ranges.length === 0) return ZERO_COUNTERS;
  const sums = sql.join(
    COUNTER_NAMES.map((n) => sql`coalesce(sum(${sql.id(n)}), 0)::int as ${sql.id(n)}`),
  );
  const where = sql.join(
    ranges.map(
      (r) =>
        sql`(grain = ${r.grain} and start_at >= ${new Date(r.startFrom)} and start_at < ${new Date(r.startTo)})`,
    ),
    sql` or `,
  );
  const row = (
    await sql<Counters>`select ${sums} from seller_metric_buckets
      where seller_id = ${sellerId} and (${where})`.execute(db)
  ).rows[0];
  return row ?? ZERO_COUNTERS;
}
