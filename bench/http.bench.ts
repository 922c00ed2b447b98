// The HTTP benchmark (part of `npm run bench`): the real `settle serve` process, on PostgreSQL
// (a fresh schema, dropped after) and on PGlite (a temporary data dir), loaded by autocannon from
// this process, next to baselines measured in the same run:
//   P1/P2 dispute commands at c=16 (buyer messages; seller offer + buyer accept pairs) against a
//         minimal hand-written transaction with the same effect as a message (lock and read the
//         row, append the event, update the row, the message row, the outbox row), run raw on
//         the driver at the same concurrency (pg Pool of 16 on PostgreSQL; PGlite's own
//         transaction on the same data dir, after the server stopped, on PGlite);
//         and p99 at 70% of the measured maximum rate.
//   P4    GET one dispute view at c=16 against a bare Fastify process returning the same bytes.
//   P7    peak RSS (VmHWM) of the server process after the command load.
//   lists a seller's inbox and the arbitration queue, p50 at c=1 with BENCH_LIST_N disputes
//         (bench/list-data.ts; PostgreSQL only), with EXPLAIN ANALYZE of the queries they run.
// It reports and never asserts: exit 0 whatever the numbers.
//
// BENCH_HTTP_SECONDS (quick 5, full 15): each timed load.
// BENCH_HTTP_DISPUTES (quick 48, full 200): disputes seeded through the API for messages/views.
// BENCH_HTTP_PAIRS (quick 80, full 600): disputes seeded for offer/accept pairs (one pair each).
// BENCH_LIST_N (quick 20000, full 100000): disputes loaded for the list reads (bench/list-data.ts:
//   1,000 sellers, statuses mixed, ~5% in arbitration; 0 skips).
// BENCH_HTTP_DATABASES (default "postgres,pglite").
// TEST_DATABASE_URL: as for bench/store.bench.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { listDisputes } from '../src/service/queries.ts';
import { arbitrationQueue } from '../src/service/seller-metrics.ts';
import { openDatabase, type RawStatement } from '../src/store/database.ts';
import {
  call,
  feedDeliveredOrder,
  type Headers,
  integrationKey,
  type Server,
  signIn,
  startServe,
  stopServe,
} from '../test/support/serve-process.ts';
import { ceilingFigure, emit, type Figure, QUICK, ratioFigure, round } from './figures.ts';
import { seedListDisputes } from './list-data.ts';

const SECONDS = int('BENCH_HTTP_SECONDS', QUICK ? 5 : 15);
const DISPUTES = int('BENCH_HTTP_DISPUTES', QUICK ? 48 : 200);
const PAIRS = int('BENCH_HTTP_PAIRS', QUICK ? 80 : 600);
const LIST_N = int('BENCH_LIST_N', QUICK ? 20_000 : 100_000);
const CONNECTIONS = 16;
const DATABASES = (process.env.BENCH_HTTP_DATABASES ?? 'postgres,pglite').split(',');
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SELLER = 'demo-shop-cn';
const BUYER = 'demo-buyer-us';
const PASSWORD = 'demo-password';
const PAID = '2000';
/** Targets from issue 9. */
const TARGET = {
  commands: { postgres: 0.5, pglite: 0.6 },
  p99At70: 25,
  view: 0.35,
  rssMb: { postgres: 300, pglite: 600 },
  listP50: 10,
} as const;

type Db = 'postgres' | 'pglite';

interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly errors: number;
  /** Non-2xx answers by status, e.g. "503×4", for the notes. */
  readonly codes: string;
}

const figures: Figure[] = [];
/** Whether a refusal of the offer/accept load was printed (sampleRefusal). */
let sampled = false;
/** Servers this bench started: killed on any exit, so a crash of the bench leaves none running. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
say(
  `settle HTTP benchmark${QUICK ? ' (quick)' : ''}: ${SECONDS} s loads at c=${CONNECTIONS}, ` +
    `${DISPUTES} + ${PAIRS} disputes seeded through the API, ${LIST_N} for the list reads`,
);
for (const db of DATABASES) {
  if (db !== 'postgres' && db !== 'pglite') throw new Error(`unknown database ${db}`);
  try {
    await benchDatabase(db);
  } catch (error) {
    // A benchmark reports; a failure of one database is printed and the other still runs.
    say(`!! ${db}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
emit(figures);
printFigures();
process.exit(0);

async function benchDatabase(db: Db): Promise<void> {
  say(`\n== ${db} ==`);
  const dataDir = mkdtempSync(join(tmpdir(), `settle-bench-${db}-`));
  const schema = `bench_http_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const env: Record<string, string> =
    db === 'postgres'
      ? { DATABASE_URL: POSTGRES_URL, SETTLE_SCHEMA: schema, SETTLE_DATA_DIR: dataDir }
      : { DATABASE_URL: '', SETTLE_DATA_DIR: dataDir };
  let server: Server | undefined;
  try {
    const key = await integrationKey(env);
    const started = performance.now();
    server = await startServe(env);
    children.add(server.child);
    say(`serve started in ${fmt(performance.now() - started)} ms (pid ${server.child.pid})`);
    const pid = server.child.pid as number;
    const url = server.url;
    const integration = { authorization: `Bearer ${key}` };
    const buyer = await signIn(url, `${BUYER}@example.com`, PASSWORD);
    const seller = await signIn(url, `seller@${SELLER}.example`, PASSWORD);

    const run = randomUUID().slice(0, 8);
    const seedStart = performance.now();
    const messaged = await seedDisputes(url, integration, buyer, `${run}-m`, DISPUTES);
    // A spare dispute per connection: autocannon may start a few requests past `amount`, and a
    // proposal on a dispute already resolved would be a refusal of the bench's own making.
    const paired = await seedDisputes(url, integration, buyer, `${run}-p`, PAIRS + CONNECTIONS);
    say(
      `seeded ${DISPUTES + PAIRS} disputes through the API in ${fmt(performance.now() - seedStart)} ms`,
    );

    // P1/P2: messages at c=16, the maximum rate; then 70% of it, for the latency.
    const messages = await loadMessages(url, buyer, messaged, {});
    say(`messages c=${CONNECTIONS}: ${describe(messages)}`);
    const paced = await loadMessages(url, buyer, messaged, {
      overallRate: Math.max(1, Math.floor(messages.rps * 0.7)),
    });
    say(`messages at 70% (${Math.floor(messages.rps * 0.7)}/s): ${describe(paced)}`);
    const pairs = await loadPairs(url, seller, buyer, paired);
    say(`offer/accept pairs c=${CONNECTIONS}: ${describe(pairs)}`);
    const rssMb = peakRssMb(pid);
    say(`server peak RSS (VmHWM) after the command loads: ${rssMb.toFixed(0)} MB`);

    // P4: one dispute's view, against a bare Fastify returning its bytes.
    const viewId = messaged[0] as string;
    const viewPath = `/v1/disputes/${viewId}`;
    const viewBody = await (await fetch(`${url}${viewPath}`, { headers: buyer })).text();
    const view = await loadGet(url, viewPath, buyer);
    say(`GET view (${viewBody.length} bytes) c=${CONNECTIONS}: ${describe(view)}`);
    const bare = await bareBaseline(viewBody, viewPath);
    say(`bare Fastify, same bytes, c=${CONNECTIONS}: ${describe(bare)}`);

    // List reads with many disputes (PostgreSQL: bulk inserts beside the running server).
    if (db === 'postgres' && LIST_N > 0) await benchLists(url, env, schema);

    // P1/P2 baseline: the minimal transaction, raw on the driver, on the same disputes.
    let raw: Load;
    if (db === 'postgres') {
      raw = await rawMinimalPostgres(schema, messaged);
    } else {
      await stopServe(server, 'SIGTERM');
      server = undefined;
      raw = await rawMinimalPglite(dataDir, messaged);
    }
    say(`minimal transaction raw c=${CONNECTIONS}: ${describe(raw)}`);

    const loadNote = `load average ${loadavg()} at the end`;
    figures.push(
      ratioFigure(
        `${db}.http.message.commands_per_s`,
        messages.rps,
        'commands/s',
        raw.rps,
        TARGET.commands[db],
        `POST /v1/disputes/:id/messages as the buyer, c=${CONNECTIONS}, ${SECONDS} s, ` +
          `${messages.errors} non-2xx; baseline: the minimal transaction with a message's effect ` +
          `(${db === 'postgres' ? 'pg Pool of 16' : 'PGlite transaction'}) at c=${CONNECTIONS}; ${loadNote}`,
      ),
      ceilingFigure(`${db}.http.message.p99_ms`, messages.p99, 'ms', null, 'at c=16 (saturated)'),
      ceilingFigure(
        `${db}.http.message.p99_at_70pct_ms`,
        paced.p99,
        'ms',
        db === 'postgres' ? TARGET.p99At70 : null,
        `autocannon overallRate ${Math.floor(messages.rps * 0.7)}/s, achieved ${round(paced.rps)}/s`,
      ),
      ceilingFigure(
        `${db}.http.offer_accept.commands_per_s`,
        pairs.rps,
        'commands/s',
        null,
        `seller proposes a refund, buyer accepts it (ledger rows): ${pairs.requests} commands, ` +
          `${pairs.errors} non-2xx${pairs.codes === '' ? '' : ` (${pairs.codes})`}; no hand-written baseline for money commands yet`,
      ),
      ceilingFigure(`${db}.http.offer_accept.p99_ms`, pairs.p99, 'ms', null, 'at c=16'),
      ceilingFigure(
        `${db}.raw.minimal_transaction_per_s`,
        raw.rps,
        'transactions/s',
        null,
        `the P1/P2 baseline; p99 ${round(raw.p99)} ms`,
      ),
      ceilingFigure(
        `${db}.server.peak_rss_mb`,
        rssMb,
        'MB',
        TARGET.rssMb[db],
        'VmHWM of the settle serve process after start-up, seeding and the command loads',
      ),
      ratioFigure(
        `${db}.http.view.requests_per_s`,
        view.rps,
        'requests/s',
        bare.rps,
        TARGET.view,
        `GET /v1/disputes/:id (${viewBody.length} bytes) as the buyer, c=${CONNECTIONS}; ` +
          'baseline: bare Fastify process returning the same bytes',
      ),
    );
  } finally {
    if (server !== undefined) await stopServe(server, 'SIGTERM');
    if (db === 'postgres') await dropSchema(schema).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Orders fed by the integration and disputes opened by the buyer, 8 at a time. */
async function seedDisputes(
  url: string,
  integration: Headers,
  buyer: Headers,
  tag: string,
  count: number,
): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `bench-${tag}-${i}`);
  await pool(ids, 8, async (disputeId) => {
    const orderId = `order-${disputeId}`;
    await feedDeliveredOrder(url, integration, {
      orderId,
      sellerId: SELLER,
      buyerId: BUYER,
      minor: PAID,
    });
    const res = await call(url, 'POST', '/v1/disputes', buyer, {
      disputeId,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: { minor: PAID, currency: 'USD' } },
      description: 'arrived cracked',
    });
    if (res.status !== 201)
      throw new Error(`open ${disputeId}: ${res.status} ${JSON.stringify(res.body)}`);
  });
  return ids;
}

function loadMessages(
  url: string,
  buyer: Headers,
  disputes: readonly string[],
  extra: { overallRate?: number },
): Promise<Load> {
  let next = 0;
  return cannon({
    url,
    ...extra,
    headers: { ...buyer, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const id = disputes[next++ % disputes.length];
          return {
            ...req,
            path: `/v1/disputes/${id}/messages`,
            body: JSON.stringify({ messageId: randomUUID(), body: 'Is there any news?' }),
          };
        },
      },
    ],
  });
}

/** Each connection takes a fresh dispute: the seller offers a refund, the buyer accepts it. */
function loadPairs(
  url: string,
  seller: Headers,
  buyer: Headers,
  disputes: readonly string[],
): Promise<Load> {
  let next = 0;
  const json = { 'content-type': 'application/json' };
  return cannon({
    url,
    amount: PAIRS * 2,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const id = disputes[next++ % disputes.length] as string;
          (context as Record<string, string>).id = id;
          return {
            ...req,
            headers: { ...seller, ...json },
            path: `/v1/disputes/${id}/offers`,
            body: JSON.stringify({
              offerId: `${id}.o1`,
              terms: { kind: 'refund', amount: { minor: '1500', currency: 'USD' } },
            }),
          };
        },
        onResponse: sampleRefusal,
      },
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const id = (context as Record<string, string>).id as string;
          return {
            ...req,
            headers: { ...buyer, ...json },
            path: `/v1/disputes/${id}/offers/${id}.o1/accept`,
            body: '{}',
          };
        },
        onResponse: sampleRefusal,
      },
    ],
  });
}

/** The first refusal of a load, printed once: what the non-2xx answers were about. */
function sampleRefusal(status: number, body: string): void {
  if (status < 300 || sampled) return;
  sampled = true;
  say(`  first refusal: ${status} ${body.slice(0, 300)}`);
}

function loadGet(url: string, path: string, headers: Headers, connections = CONNECTIONS) {
  return cannon({ url: `${url}${path}`, headers, connections });
}

async function bareBaseline(body: string, path: string): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'settle-bench-bare-'));
  const file = join(dir, 'view.json');
  writeFileSync(file, body);
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  try {
    const url = await listeningUrl(child, /bare listening on (http:\/\/\S+)/);
    return await loadGet(url, path, {});
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchLists(url: string, env: Record<string, string>, schema: string) {
  const tag = `list${randomBytes(3).toString('hex')}`;
  const statements: RawStatement[] = [];
  const store = await openDatabase({
    databaseUrl: POSTGRES_URL,
    schema,
    log: (sql, parameters) => {
      statements.push({ sql, parameters });
    },
  });
  try {
    const start = performance.now();
    // Realistic data (bench/list-data.ts): 1,000 sellers, the measured one with a tenth of the
    // disputes, statuses mixed, about 5% waiting for an arbitrator.
    const data = await seedListDisputes(store, { count: LIST_N, now: Date.now(), tag });
    say(`loaded ${LIST_N} disputes for the list reads in ${fmt(performance.now() - start)} ms`);
    const sellerId = data.bigSellerId;
    const email = `staff@${tag}.bench`;
    const added = await settleCliWithStdin(
      [
        'user',
        'add',
        '--email',
        email,
        '--name',
        'Bench staff',
        '--role',
        'seller',
        '--seller',
        sellerId,
        '--password-stdin',
      ],
      env,
      `${PASSWORD}\n`,
    );
    if (added.status !== 0) throw new Error(`user add: ${added.stderr}${added.stdout}`);
    await store.db.executeQuery(CompiledQuery.raw('analyze'));
    const staff = await signIn(url, email, PASSWORD);
    const arbitrator = await signIn(url, 'arbitrator@settle.example', PASSWORD);
    const inbox = await loadGet(url, '/v1/disputes', staff, 1);
    say(`seller inbox c=1 (${LIST_N} disputes): ${describe(inbox)}`);
    const queue = await loadGet(url, '/v1/arbitration/queue', arbitrator, 1);
    say(`arbitration queue c=1: ${describe(queue)}`);

    statements.length = 0;
    await listDisputes(store, { sellerId, sort: 'next_deadline', limit: 25 });
    const inboxPlan = await explain(schema, statements);
    statements.length = 0;
    await arbitrationQueue(store, 50);
    const queuePlan = await explain(schema, statements);
    say(`EXPLAIN seller inbox:\n${inboxPlan}\nEXPLAIN arbitration queue:\n${queuePlan}`);
    figures.push(
      {
        ...ceilingFigure(
          'postgres.http.list.seller_inbox.p50_ms',
          inbox.p50,
          'ms',
          TARGET.listP50,
          `GET /v1/disputes as staff of the largest of ${data.sellers} sellers (a tenth of ` +
            `${LIST_N} disputes), c=1, first page; ` +
            `${round(inbox.rps)} req/s, p99 ${inbox.p99} ms`,
        ),
        explain: inboxPlan,
      },
      {
        ...ceilingFigure(
          'postgres.http.list.arbitration_queue.p50_ms',
          queue.p50,
          'ms',
          TARGET.listP50,
          `GET /v1/arbitration/queue as an arbitrator, ${LIST_N} disputes in the table, ` +
            `${data.inArbitration} of them waiting, c=1; ${round(queue.rps)} req/s, p99 ${queue.p99} ms`,
        ),
        explain: queuePlan,
      },
    );
  } finally {
    await store.close();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of each recorded statement, on a connection of its own. */
async function explain(schema: string, statements: readonly RawStatement[]): Promise<string> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`set search_path to ${pg.escapeIdentifier(schema)}`);
    const plans: string[] = [];
    for (const s of statements) {
      const res = await client.query(
        `explain (analyze, buffers) ${s.sql}`,
        s.parameters as unknown[],
      );
      plans.push(
        [s.sql, ...res.rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN']))].join(
          '\n',
        ),
      );
    }
    return plans.join('\n\n');
  } finally {
    await client.end();
  }
}

/**
 * The minimal transaction with the effect of posting a message: lock and read the dispute row,
 * append the event (its sequence number from the row), write the row back (version, time and
 * the state document, same size as read), the message row and the outbox row.
 */
function minimalTransaction(disputeId: string, state: string): RawStatement[] {
  const messageId = randomUUID();
  const payload = JSON.stringify({ messageId, body: 'Is there any news?', arbitratorOnly: false });
  const hash = createHash('sha256').update(`${disputeId}${messageId}`).digest('hex');
  return [
    {
      sql: 'select version, state from disputes where id = $1 for update',
      parameters: [disputeId],
    },
    {
      sql:
        'insert into dispute_events (dispute_id, seq, type, at, actor_role, actor_id, payload, prev_hash, hash) ' +
        "select id, version + 1, 'message_posted', now(), 'buyer', $2, $3::jsonb, $4, $5 from disputes where id = $1",
      parameters: [disputeId, BUYER, payload, hash, hash],
    },
    {
      sql: 'update disputes set version = version + 1, updated_at = now(), state = $2::jsonb where id = $1',
      parameters: [disputeId, state],
    },
    {
      sql:
        'insert into messages (id, dispute_id, author_role, author_id, body, arbitrator_only, created_at) ' +
        "values ($1, $2, 'buyer', $3, 'Is there any news?', false, now())",
      parameters: [messageId, disputeId, BUYER],
    },
    {
      sql:
        'insert into outbox (topic, aggregate_id, payload, created_at, available_at) ' +
        "values ('dispute.updated', $1, $2::jsonb, now(), now())",
      parameters: [disputeId, payload],
    },
  ];
}

async function rawMinimalPostgres(schema: string, disputes: readonly string[]): Promise<Load> {
  const db = new pg.Pool({
    connectionString: POSTGRES_URL,
    max: CONNECTIONS,
    options: `-c search_path=${schema}`,
  });
  try {
    const states = await statesOf((sql, p) => db.query(sql, p as unknown[]), disputes);
    return await closedLoop(disputes, states, async (statements) => {
      const client = await db.connect();
      try {
        await client.query('begin');
        for (const s of statements) await client.query(s.sql, s.parameters as unknown[]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    });
  } finally {
    await db.end();
  }
}

async function rawMinimalPglite(dataDir: string, disputes: readonly string[]): Promise<Load> {
  const store = await openDatabase({ dataDir });
  try {
    const states = await statesOf(async (sql, p) => {
      const res = await store.db.executeQuery(CompiledQuery.raw(sql, [...p]));
      return { rows: res.rows as Record<string, unknown>[] };
    }, disputes);
    return await closedLoop(disputes, states, (statements) => store.rawTransaction(statements));
  } finally {
    await store.close();
  }
}

async function statesOf(
  query: (
    sql: string,
    parameters: readonly unknown[],
  ) => Promise<{ rows: Record<string, unknown>[] }>,
  disputes: readonly string[],
): Promise<Map<string, string>> {
  const res = await query('select id, state::text as state from disputes where id = any($1)', [
    [...disputes],
  ]);
  return new Map(res.rows.map((r) => [String(r.id), String(r.state)]));
}

/** CONNECTIONS callers, each running one transaction after the other for SECONDS. */
async function closedLoop(
  disputes: readonly string[],
  states: Map<string, string>,
  transaction: (statements: RawStatement[]) => Promise<void>,
): Promise<Load> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + SECONDS * 1_000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const id = disputes[next++ % disputes.length] as string;
        const t = performance.now();
        try {
          await transaction(minimalTransaction(id, states.get(id) ?? '{}'));
          latencies.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          if (errors === 1) say(`  raw transaction failed: ${String(error)}`);
        }
      }
    }),
  );
  const ms = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    rps: (latencies.length / ms) * 1_000,
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    requests: latencies.length,
    errors,
    codes: '',
  };
}

function cannon(options: autocannon.Options): Promise<Load> {
  return new Promise((resolve, reject) => {
    autocannon(
      { connections: CONNECTIONS, duration: SECONDS, ...options },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        const answered = result.requests.total;
        resolve({
          // requests.average is per second over the run's whole seconds; total/duration is exact.
          rps: answered / (result.duration || SECONDS),
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: answered,
          errors: result.non2xx + result.errors + result.timeouts,
          codes: Object.entries(result.statusCodeStats ?? {})
            .filter(([code]) => !code.startsWith('2'))
            .map(([code, stats]) => `${code}×${stats.count}`)
            .join(' '),
        });
      },
    );
  });
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

function listeningUrl(child: ChildProcess, pattern: RegExp): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = pattern.exec(output);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

function settleCliWithStdin(args: string[], env: Record<string, string>, input: string) {
  const child = spawn(process.execPath, ['--liftoff-only', 'src/cli/main.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  child.stdin?.end(input);
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (status) => resolve({ status, stdout, stderr })),
  );
}

async function pool<T>(items: readonly T[], width: number, each: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await each(items[next++] as T);
    }),
  );
}

async function dropSchema(schema: string) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}

function describe(l: Load): string {
  const codes = l.codes === '' ? '' : ` (${l.codes})`;
  return `${round(l.rps)}/s, p50 ${l.p50} ms, p99 ${l.p99} ms, ${l.requests} answered, ${l.errors} errors${codes}`;
}

function printFigures() {
  say('');
  for (const f of figures) {
    const vs = f.baseline === null ? '' : ` vs ${f.baseline} (ratio ${f.ratio})`;
    const met = f.met === null ? '' : f.met ? '  MET' : '  MISSED';
    say(
      `${f.name}: ${f.value} ${f.unit}${vs}${f.target === null ? '' : ` target ${f.target}`}${met}`,
    );
  }
}

function loadavg(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number >= 0`);
  return n;
}

function fmt(ms: number): string {
  return Math.round(ms).toLocaleString('en-US');
}

function say(text: string) {
  process.stdout.write(`${text}\n`);
}
