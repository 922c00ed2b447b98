// Bulk order import benchmark (issue 13, part of `npm run bench`): `settle import orders` on a
// generated file of BENCH_IMPORT_N orders (one to three lines each, 1,000 sellers, 20,000
// buyers), CSV and JSON lines, through the command's own function (reading, checking, COPY,
// merge), against a baseline measured in the same run: a raw COPY of the same CSV rows into a
// plain table with no index, key or check, the fastest the database takes these bytes in. The
// target is 20,000 orders/s on PostgreSQL; PGlite is reported. It reports and never asserts.
//
// BENCH_IMPORT_N (quick 20000, full 200000; PGlite a quarter); BENCH_IMPORT_DATABASES (default
// "postgres,pglite"); TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a
// fresh schema, dropped).
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { importOrdersFile } from '../src/cli/import-orders.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import type { Store } from '../src/store/store.ts';
import { emit, type Figure, QUICK, round } from './figures.ts';

const N = Number(process.env.BENCH_IMPORT_N ?? (QUICK ? 20_000 : 200_000));
const DATABASES = (process.env.BENCH_IMPORT_DATABASES ?? 'postgres,pglite').split(',');
const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SELLERS = 1_000;
const BUYERS = 20_000;
const TARGET_ORDERS_PER_S = 20_000;
const WARM_UP_ORDERS = 5_000;
const HEADER =
  'order_id,seller_id,buyer_id,buyer_country,currency,amount_paid_minor,paid_at,' +
  'promised_delivery_at,line_id,sku,title,quantity,unit_price_minor,line_total_minor';

type Db = 'postgres' | 'pglite';

interface Order {
  readonly id: string;
  readonly seller: string;
  readonly buyer: string;
  readonly paidAt: string;
  readonly lines: readonly { sku: string; title: string; quantity: number; unit: number }[];
}

function orderAt(i: number, tag: string): Order {
  const lines = Array.from({ length: (i % 3) + 1 }, (_, k) => ({
    sku: `SKU-${(i * 7 + k) % 5000}`,
    title: k === 2 ? 'Shipping, tracked' : `Item ${(i + k) % 997} "deluxe"`,
    quantity: (k % 2) + 1,
    unit: 199 + ((i * 31 + k * 17) % 9800),
  }));
  return {
    id: `${tag}-${i}`,
    seller: `bs-${i % SELLERS}`,
    buyer: `bb-${(i * 13) % BUYERS}`,
    paidAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    lines,
  };
}

const paidOf = (o: Order) => o.lines.reduce((s, l) => s + l.quantity * l.unit, 0);

async function writeFiles(dir: string, count: number, tag: string) {
  const csvFile = join(dir, `${tag}.csv`);
  const jsonlFile = join(dir, `${tag}.jsonl`);
  const csv = createWriteStream(csvFile);
  const jsonl = createWriteStream(jsonlFile);
  csv.write(`${HEADER}\n`);
  for (let i = 0; i < count; i++) {
    const o = orderAt(i, tag);
    const paid = paidOf(o);
    let rows = '';
    for (const [k, l] of o.lines.entries())
      rows += `${o.id},${o.seller},${o.buyer},DE,EUR,${paid},${o.paidAt},,L${k + 1},${l.sku},"${l.title.replaceAll('"', '""')}",${l.quantity},${l.unit},\n`;
    const record = {
      orderId: `${o.id}-j`,
      sellerId: o.seller,
      buyerId: o.buyer,
      buyerCountry: 'DE',
      amountPaid: { minor: String(paid), currency: 'EUR' },
      paidAt: o.paidAt,
      items: o.lines.map((l, k) => ({
        lineId: `L${k + 1}`,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitPrice: { minor: String(l.unit), currency: 'EUR' },
      })),
    };
    if (!csv.write(rows)) await new Promise((r) => csv.once('drain', r));
    if (!jsonl.write(`${JSON.stringify(record)}\n`))
      await new Promise((r) => jsonl.once('drain', r));
  }
  await Promise.all([new Promise((r) => csv.end(r)), new Promise((r) => jsonl.end(r))]);
  return { csvFile, jsonlFile };
}

async function seedParties(store: Store): Promise<void> {
  await sql`insert into sellers (id, name, country, protection_enrolled)
    select 'bs-' || g, 'Seller ' || g, 'CN', g % 2 = 0 from generate_series(0, ${SELLERS - 1}) g`.execute(
    store.db,
  );
  await sql`insert into users (id, email, name, role, created_at)
    select 'bb-' || g, 'bb-' || g || '@bench.test', 'Buyer ' || g, 'buyer', now()
    from generate_series(0, ${BUYERS - 1}) g`.execute(store.db);
}

/** The same CSV rows COPYed into a table without index, key or check: the baseline. */
async function rawCopySeconds(store: Store, csvFile: string): Promise<number> {
  await sql`create table bench_import_raw (
    order_id text, seller_id text, buyer_id text, buyer_country text, currency text,
    amount_paid_minor text, paid_at text, promised_delivery_at text, line_id text, sku text,
    title text, quantity text, unit_price_minor text, line_total_minor text)`.execute(store.db);
  const text = await readFile(csvFile, 'utf8');
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += 1 << 20) chunks.push(text.slice(at, at + (1 << 20)));
  const t = performance.now();
  await store.copyTransaction((s) =>
    s.copyFrom('copy bench_import_raw from stdin with (format csv, header true)', chunks),
  );
  return (performance.now() - t) / 1000;
}

/** Wall seconds of one import, and the Node process's CPU seconds in it (the machine is shared). */
async function importSeconds(
  store: Store,
  file: string,
  count: number,
): Promise<{ seconds: number; cpuSeconds: number }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const counts = await importOrdersFile(
    store,
    file,
    {},
    { out: (line) => console.log(`  ${line}`), err: { write: () => true } },
  );
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  if (counts.imported !== count)
    throw new Error(`imported ${counts.imported} of ${count}: ${JSON.stringify(counts)}`);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

function rateFigure(
  name: string,
  ordersPerS: number,
  baselinePerS: number,
  target: number | null,
  note: string,
): Figure {
  return {
    name,
    value: round(ordersPerS),
    unit: 'orders/s',
    baseline: round(baselinePerS),
    ratio: round(ordersPerS / baselinePerS, 3),
    target: target === null ? null : `>= ${target} orders/s`,
    met: target === null ? null : ordersPerS >= target,
    note,
  };
}

async function benchDatabase(db: Db, dir: string): Promise<Figure[]> {
  const count = db === 'postgres' ? N : Math.max(1_000, Math.floor(N / 4));
  const schema = `bench_import_${process.pid}`;
  const store = await openDatabase(
    db === 'postgres' ? { databaseUrl: URL, schema } : { memory: true },
  );
  try {
    await migrate(store);
    await seedParties(store);
    // Untimed first: both readers and the checks compiled and optimised before the clock runs.
    const warm = await writeFiles(dir, WARM_UP_ORDERS, `${db}-warm`);
    await importSeconds(store, warm.csvFile, WARM_UP_ORDERS);
    await importSeconds(store, warm.jsonlFile, WARM_UP_ORDERS);
    const { csvFile, jsonlFile } = await writeFiles(dir, count, `${db}-o`);
    const copy = count / (await rawCopySeconds(store, csvFile));
    console.log(`${db}: raw COPY of ${count} orders' rows: ${Math.round(copy)} orders/s`);
    const csv = await importSeconds(store, csvFile, count);
    const jsonl = await importSeconds(store, jsonlFile, count);
    const checked = await sql<{
      n: string;
    }>`select count(*)::text as n from ledger_postings`.execute(store.db);
    console.log(`${db}: ${checked.rows[0]?.n} capture postings written (2 per order)`);
    const what = `${count} orders of 1 to 3 lines, ${SELLERS} sellers, ${BUYERS} buyers; baseline: raw COPY of the same CSV rows into a table without index, key or check`;
    const cpu = (r: { cpuSeconds: number }) =>
      `; Node used ${r.cpuSeconds.toFixed(2)} CPU s (${Math.round(count / r.cpuSeconds)} orders per CPU s)`;
    return [
      rateFigure(
        `${db}.import.orders_csv`,
        count / csv.seconds,
        copy,
        db === 'postgres' ? TARGET_ORDERS_PER_S : null,
        `settle import orders, CSV; ${what}${cpu(csv)}`,
      ),
      rateFigure(
        `${db}.import.orders_jsonl`,
        count / jsonl.seconds,
        copy,
        null,
        `the same as JSON lines; ${what}${cpu(jsonl)}`,
      ),
    ];
  } finally {
    if (db === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'settle-bench-import-'));
const all: Figure[] = [];
try {
  for (const db of DATABASES as Db[]) {
    try {
      all.push(...(await benchDatabase(db, dir)));
    } catch (error) {
      // A benchmark reports; a failure on one database is printed and the other still runs.
      console.error(`${db}: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
emit(all);
for (const f of all)
  console.log(
    `${f.met === null ? 'report' : f.met ? 'met   ' : 'MISSED'} ${f.name}: ${f.value} ${f.unit} ` +
      `(${f.ratio}x raw COPY)${f.note?.slice(f.note.indexOf('; Node')) ?? ''}`,
  );
