// Seller metrics read benchmark (issue 9, P5): p50 of the metrics read (the service function the
// `GET /v1/sellers/{id}/metrics` route calls) for sellers with 1k, 100k and 1M confirmed orders,
// next to `select count(*)` over the seller's orders in the same run as the baseline. It reports
// and never asserts. PostgreSQL only (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test), in a fresh schema dropped at the end.
//
// Loading: orders by `insert … select generate_series`, confirmed over the last 60 days (so the
// 30-day window's edges cut through buckets), and their projection buckets at every grain by
// one `insert … select … group by` per grain, the rows the write path would have produced for
// those confirmations; every 20th order also carries a counted, resolved dispute's counters
// (5%), so the rates are not zero. BENCH_METRICS_SIZES (default 1000,100000,1000000).
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { instant } from '../src/domain/index.ts';
import { sellerMetricsFor } from '../src/service/seller-metrics.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';

const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZES = (process.env.BENCH_METRICS_SIZES ?? '1000,100000,1000000').split(',').map(Number);
const READS = 200;
const SPAN_MS = 60 * 86_400_000;
const GRAIN_SIZES_MS = [86_400_000, 3_600_000, 60_000, 1];

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed(n: number, f: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await f();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    samples.push(performance.now() - t);
  }
  return p50(samples);
}

async function main(): Promise<void> {
  const schema = `bench_metrics_${process.pid}`;
  const store = await openDatabase({ databaseUrl: URL, schema });
  const now = Date.now();
  const rows: { orders: number; metricsP50Ms: number; countP50Ms: number; ratio: number }[] = [];
  try {
    await migrate(store);
    await sql`insert into users (id, email, name, role, created_at)
      values ('bench-buyer', 'bench@buyer.test', 'Bench', 'buyer', now())`.execute(store.db);
    for (const n of SIZES) {
      const sellerId = `bench-seller-${n}`;
      const t0 = performance.now();
      await sql`insert into sellers (id, name, country) values (${sellerId}, 'Bench', 'CN')`.execute(
        store.db,
      );
      await sql`insert into orders (id, seller_id, buyer_id, buyer_country, currency,
          amount_paid_minor, paid_at, status, completed_by, completed_at)
        select ${sellerId} || '-' || i, ${sellerId}, 'bench-buyer', 'US', 'USD', 2000,
          to_timestamp((${now}::bigint - ${SPAN_MS}::bigint)::double precision / 1000), 'completed', 'buyer',
          to_timestamp((${now}::bigint - (i::bigint * ${SPAN_MS}::bigint) / ${n}::bigint)::double precision / 1000)
        from generate_series(1, ${n}) as i`.execute(store.db);
      for (const [grain, size] of GRAIN_SIZES_MS.entries()) {
        const start =
          size === 1
            ? sql`completed_at`
            : sql`to_timestamp((floor(extract(epoch from completed_at) * 1000 / ${size}::bigint) * ${size}::bigint)::double precision / 1000)`;
        await sql`insert into seller_metric_buckets (seller_id, grain, start_at, confirmed,
            orders_touched, resolved, orders_disputed)
          select seller_id, ${grain}::smallint, ${start}, count(*), count(*),
            count(*) filter (where split_part(id, '-', 4)::int % 20 = 0),
            count(*) filter (where split_part(id, '-', 4)::int % 20 = 0)
          from orders where seller_id = ${sellerId} group by 1, 2, 3`.execute(store.db);
      }
      await sql`analyze`.execute(store.db);
      const loadS = (performance.now() - t0) / 1000;
      const metricsP50Ms = await timed(READS, () =>
        sellerMetricsFor(store, sellerId, instant(now)),
      );
      const countP50Ms = await timed(READS, () =>
        sql`select count(*) from orders where seller_id = ${sellerId}`.execute(store.db),
      );
      const m = await sellerMetricsFor(store, sellerId, instant(now));
      rows.push({ orders: n, metricsP50Ms, countP50Ms, ratio: metricsP50Ms / countP50Ms });
      console.log(
        `${n} orders (loaded in ${loadS.toFixed(1)} s): metrics p50 ${metricsP50Ms.toFixed(2)} ms, ` +
          `count(*) p50 ${countP50Ms.toFixed(2)} ms, ratio ${(metricsP50Ms / countP50Ms).toFixed(3)}; ` +
          `dispute rate ${m?.metrics.disputeRate.numerator}/${m?.metrics.disputeRate.denominator}`,
      );
    }
    console.log(JSON.stringify({ name: 'P5 seller metrics p50', unit: 'ms', rows }));
  } finally {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  }
}

await main();
