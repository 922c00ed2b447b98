// List and queue reads benchmark (issue 9, part of `npm run bench`): p50 of a large seller's
// dispute inbox (soonest deadline first, and newest first) and of the arbitration queue, as the
// service functions behind `GET /v1/disputes` and `GET /v1/arbitration/queue` run them, with
// BENCH_LIST_N disputes in the table (bench/list-data.ts: 1,000 sellers, one with a tenth of the
// disputes, statuses mixed, 5% waiting for an arbitrator), and EXPLAIN (ANALYZE, BUFFERS) of each
// read's statement, so the figures show which index answers. It reports and never asserts.
//
// BENCH_LIST_N (quick 20000, full 100000); BENCH_LIST_DATABASES (default "postgres,pglite");
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a fresh schema, dropped).
import { performance } from 'node:perf_hooks';
import { CompiledQuery, sql } from 'kysely';
import { encodeCursor, listDisputes } from '../src/service/queries.ts';
import { arbitrationQueue } from '../src/service/seller-metrics.ts';
import { openDatabase, type RawStatement } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import type { Store } from '../src/store/store.ts';
import { ceilingFigure, emit, type Figure, QUICK } from './figures.ts';
import { seedListDisputes } from './list-data.ts';

const N = Number(process.env.BENCH_LIST_N ?? (QUICK ? 20_000 : 100_000));
const DATABASES = (process.env.BENCH_LIST_DATABASES ?? 'postgres,pglite').split(',');
const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const READS = QUICK ? 100 : 300;
const TARGET_P50_MS = 10;

type Db = 'postgres' | 'pglite';

interface Read {
  readonly name: string;
  readonly what: string;
  readonly run: (store: Store) => Promise<unknown>;
}

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await f();
  const samples: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t = performance.now();
    await f();
    samples.push(performance.now() - t);
  }
  return p50(samples);
}

async function benchDatabase(db: Db): Promise<Figure[]> {
  const statements: RawStatement[] = [];
  let recording = false;
  const log = (sqlText: string, parameters: readonly unknown[]) => {
    if (recording) statements.push({ sql: sqlText, parameters });
  };
  const schema = `bench_lists_${process.pid}`;
  const store = await openDatabase(
    db === 'postgres' ? { databaseUrl: URL, schema, log } : { memory: true, log },
  );
  const figures: Figure[] = [];
  try {
    await migrate(store);
    const t0 = performance.now();
    const data = await seedListDisputes(store, { count: N, now: Date.now(), tag: 'lst' });
    const big = await sql<{ n: string }>`select count(*)::text as n from disputes
      where seller_id = ${data.bigSellerId}`.execute(store.db);
    console.log(
      `${db}: ${N} disputes loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
        `${data.sellers} sellers, the large one with ${big.rows[0]?.n}; ` +
        `${data.inArbitration} waiting for an arbitrator`,
    );
    const sellerId = data.bigSellerId;
    const firstPage = await listDisputes(store, { sellerId, sort: 'next_deadline', limit: 25 });
    const cursor = firstPage.nextCursor;
    // A cursor 40% into the large seller's inbox (4,000 rows at 100,000 disputes), still among
    // the disputes with a deadline: a keyset page costs the same anywhere.
    const deepOffset = Math.floor(Number(big.rows[0]?.n ?? 0) * 0.4);
    const deepRow = await sql<{ id: string; at: Date | null }>`select id, next_deadline_at as at
      from disputes where seller_id = ${sellerId}
      order by coalesce(next_deadline_at, timestamptz '9999-01-01 00:00:00+00'), id
      offset ${deepOffset} limit 1`.execute(store.db);
    const deep = deepRow.rows[0];
    const deepCursor =
      deep === undefined
        ? undefined
        : encodeCursor({ at: deep.at?.getTime() ?? null, id: deep.id });
    const reads: Read[] = [
      {
        name: 'seller_inbox',
        what: 'a seller’s inbox, soonest deadline first, first page of 25',
        run: (s) => listDisputes(s, { sellerId, sort: 'next_deadline', limit: 25 }),
      },
      {
        name: 'seller_inbox_page2',
        what: 'the same, second page (keyset cursor)',
        run: (s) =>
          listDisputes(s, {
            sellerId,
            sort: 'next_deadline',
            limit: 25,
            ...(cursor === undefined ? {} : { cursor }),
          }),
      },
      {
        name: 'seller_inbox_deep_page',
        what: `the same, a page ${deepOffset} rows in (keyset cursor)`,
        run: (s) =>
          listDisputes(s, {
            sellerId,
            sort: 'next_deadline',
            limit: 25,
            ...(deepCursor === undefined ? {} : { cursor: deepCursor }),
          }),
      },
      {
        name: 'seller_inbox_newest',
        what: 'a seller’s inbox, newest first, first page of 25',
        run: (s) => listDisputes(s, { sellerId, sort: 'opened_at', limit: 25 }),
      },
      {
        name: 'seller_inbox_status',
        what: 'a seller’s inbox filtered to status=in_arbitration, soonest deadline first',
        run: (s) =>
          listDisputes(s, {
            sellerId,
            statuses: ['in_arbitration'],
            sort: 'next_deadline',
            limit: 25,
          }),
      },
      {
        name: 'all_disputes',
        what: 'every dispute, soonest deadline first, as an arbitrator or admin lists them',
        run: (s) => listDisputes(s, { sort: 'next_deadline', limit: 25 }),
      },
      {
        name: 'arbitration_queue',
        what: 'the arbitration queue, first 50',
        run: (s) => arbitrationQueue(s, 50),
      },
    ];
    for (const read of reads) {
      const ms = await timed(() => read.run(store));
      statements.length = 0;
      recording = true;
      await read.run(store);
      recording = false;
      const plan = await explain(store, statements);
      console.log(`\n${db} ${read.name} p50 ${ms.toFixed(2)} ms (${read.what})\n${plan}`);
      figures.push({
        ...ceilingFigure(
          `${db}.list.${read.name}.p50_ms`,
          ms,
          'ms',
          TARGET_P50_MS,
          `${read.what}; service function, ${N} disputes, ${data.sellers} sellers, ` +
            `the seller has ${big.rows[0]?.n}, ${data.inArbitration} in arbitration`,
        ),
        explain: plan,
      });
    }
  } finally {
    if (db === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  }
  return figures;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each recorded statement, with its parameters. */
async function explain(store: Store, statements: readonly RawStatement[]): Promise<string> {
  const plans: string[] = [];
  for (const s of statements) {
    const res = await store.db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(`explain (analyze, buffers) ${s.sql}`, [...s.parameters]),
    );
    plans.push([s.sql, ...res.rows.map((r) => String(r['QUERY PLAN']))].join('\n'));
  }
  return plans.join('\n\n');
}

const all: Figure[] = [];
for (const db of DATABASES as Db[]) {
  try {
    all.push(...(await benchDatabase(db)));
  } catch (error) {
    // A benchmark reports; a failure on one database is printed and the other still runs.
    console.error(`${db}: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  }
}
emit(all);
for (const f of all) console.log(`${f.met ? 'met   ' : 'MISSED'} ${f.name}: ${f.value} ms`);
