// The store benchmark (`npm run bench:store`): how fast Settle writes commands and fires
// deadlines on PGlite and PostgreSQL, next to the very same SQL run raw on the driver in the same
// process. The ratio settle/raw is what the layers above the driver cost (engine, folding,
// hashing, JSON, Kysely); the database work is the same on both sides. It reports and never
// asserts: the exit code is 0 whatever the numbers.
//
// How: two identical sets of disputes, A and B, whose ids differ only in a tag of the same
// length. Set A goes through the real service (or deadline runner) while a query log hook
// records every statement of each transaction; the recording is then replayed on set B with
// A's tag rewritten to B's, one raw driver transaction per recorded one.
//
// BENCH_N (default 500): disputes per set; each gets 2 commands (propose + accept a refund).
// BENCH_DEADLINE_N (default 2000): due deadlines per set for the single-runner deadline workload
//   (runner batches are large, so it takes more of them to measure than commands).
// BENCH_RUNNER_N (default 8000): due deadlines for the 4-runner run on PostgreSQL (0 skips it).
// BENCH_RUNNER_MODE (default inprocess): `inprocess` (4 runners in this process, each with its
//   own pool and connection) or `processes` (4 child processes, as `settle runner` runs them;
//   slower on a 2-core machine, where 4 more Node processes compete with PostgreSQL for CPU).
// BENCH_BATCH (default 100): disputes claimed per runner transaction.
// TEST_DATABASE_URL: the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test);
//   the bench works in a fresh schema and drops it at the end. Unreachable: PostgreSQL is skipped.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import pg from 'pg';
import {
  type Actor,
  type BuyerId,
  DAY_MS,
  type DisputeId,
  money,
  type OfferId,
  type SellerId,
} from '../src/domain/index.ts';
import { DatabaseClock, VirtualClock } from '../src/service/clock.ts';
import { BATCH_SIZE_DEFAULT, DeadlineRunner } from '../src/service/deadline-runner.ts';
import { DisputeService } from '../src/service/dispute-service.ts';
import { openDatabase, type RawStatement, type Store } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { bulkDisputes } from '../test/support/bulk-disputes.ts';
import { emit, type Figure, QUICK, round } from './figures.ts';

// `--quick` (npm run bench -- --quick) makes the defaults smaller; the variables still win.
const N = positiveInt('BENCH_N', QUICK ? 100 : 500);
const DEADLINE_N = positiveInt('BENCH_DEADLINE_N', QUICK ? 500 : 2_000);
const RUNNER_N = positiveInt('BENCH_RUNNER_N', QUICK ? 2_000 : 8_000, true);
const BATCH = positiveInt('BENCH_BATCH', BATCH_SIZE_DEFAULT);
const RUNNER_MODE = process.env.BENCH_RUNNER_MODE ?? 'inprocess';
if (RUNNER_MODE !== 'inprocess' && RUNNER_MODE !== 'processes')
  throw new Error(`BENCH_RUNNER_MODE must be inprocess or processes, got ${RUNNER_MODE}`);
const RUNNERS = 4;
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Disputes per alternation of the command workload: settle on A, then raw on B. */
const CHUNK = 25;
/** Commands on this many disputes run untimed first, so both sides are measured warm. */
const WARMUP = CHUNK * Math.min(4, Math.ceil(N / 10 / CHUNK));

const TARGETS = { pglite: 0.6, postgres: 0.5 } as const;
const RUNNER_TARGET = 3_000;

/** The time of the benchmark's world; every clock is virtual, so no statement reads the time. */
const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
/** Negotiating, with the seller-response deadline four days off: the runner leaves them be. */
const COMMANDS_OPENED_AT = T0 - DAY_MS;
/** The five-day seller-response deadline fell a day ago: due. */
const DUE_OPENED_AT = T0 - 6 * DAY_MS;
/** Set B of the deadline workload lives this much later: not yet due at T0, due at T0 + this. */
const DEADLINE_SHIFT_MS = 2 * DAY_MS;

// Kysely reports pg's transaction control through the log hook (PGlite's it does not);
// rawTransaction adds its own, so the recording leaves them out.
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;

interface Row {
  database: string;
  workload: string;
  settle: number;
  raw?: number;
  target: string;
  pass: boolean;
  statements?: number;
}

class Recorder {
  #on = false;
  #statements: RawStatement[] = [];
  readonly log = (sql: string, parameters: readonly unknown[]): void => {
    if (this.#on && !TRANSACTION_CONTROL.test(sql)) this.#statements.push({ sql, parameters });
  };
  start(): void {
    this.#on = true;
    this.#statements = [];
  }
  take(): RawStatement[] {
    this.#on = false;
    const taken = this.#statements;
    this.#statements = [];
    return taken;
  }
}

const rows: Row[] = [];
const runId = randomBytes(3).toString('hex');

say(
  `settle store benchmark: BENCH_N=${N} disputes per set, ${2 * N} commands, batch ${BATCH}, ` +
    `warm-up ${WARMUP} disputes per side`,
);
await benchDatabase('pglite', undefined);
const probe = await probePostgres(POSTGRES_URL);
if (probe === undefined) {
  await benchDatabase('postgres', POSTGRES_URL);
} else {
  say(`PostgreSQL unreachable at ${POSTGRES_URL} (${probe}): skipping it`);
}
printTable();
emit(rows.map(figureOf));

async function benchDatabase(database: 'pglite' | 'postgres', url: string | undefined) {
  say(`\n== ${database} ==`);
  const schema = `bench_${Date.now().toString(36)}_${runId}`;
  const recorder = new Recorder();
  const store = await openDatabase(
    url === undefined
      ? { memory: true, log: recorder.log }
      : { databaseUrl: url, schema, log: recorder.log },
  );
  try {
    await migrate(store);
    await benchCommands(database, store, recorder);
    await benchDeadlines(database, store, recorder);
    if (url !== undefined && RUNNER_N > 0) await benchRunners(store, url, schema);
  } finally {
    await store.close();
    if (url !== undefined) await dropSchema(url, schema);
  }
}

async function benchCommands(database: 'pglite' | 'postgres', store: Store, recorder: Recorder) {
  const [a, b] = [`ca${runId}`, `cb${runId}`];
  const count = WARMUP + N;
  await seed(store, `commands set A`, a, count, COMMANDS_OPENED_AT);
  await seed(store, `commands set B`, b, count, COMMANDS_OPENED_AT);
  const service = new DisputeService(store, new VirtualClock(T0));
  const seller: Actor = { role: 'seller', id: `bulk-seller-${a}` as SellerId };
  const buyer: Actor = { role: 'buyer', id: `bulk-buyer-${a}` as BuyerId };

  // Settle on set A, then the same statements raw on set B, in alternating chunks: both sides
  // see the same machine, even when its load drifts during the run.
  const runOne = async (i: number): Promise<RawStatement[][]> => {
    const id = `bulk-${a}-${i}` as DisputeId;
    const offerId = `${id}.o1` as OfferId;
    recorder.start();
    const proposed = await service.handle(id, seller, {
      type: 'propose_offer',
      offerId,
      terms: { kind: 'refund', amount: money(800, 'USD') },
      note: 'partial refund',
    });
    const proposal = recorder.take();
    recorder.start();
    const accepted = await service.handle(id, buyer, { type: 'accept_offer', offerId });
    const acceptance = recorder.take();
    if (!proposed.ok || !accepted.ok || accepted.dispute.status !== 'resolved')
      throw new Error(`command refused on ${id}`);
    return [proposal, acceptance];
  };
  let settleMs = 0;
  let rawMs = 0;
  let statements = 0;
  let commands = 0;
  let last: RawStatement[][] = [];
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(from + CHUNK, count);
    const timed = from >= WARMUP;
    const recorded: RawStatement[][] = [];
    const settleStart = performance.now();
    for (let i = from; i < to; i += 1) recorded.push(...(await runOne(i)));
    if (timed) settleMs += performance.now() - settleStart;
    const replay = recorded.map((statements) => rewrite(statements, a, b, 0));
    const rawStart = performance.now();
    for (const transaction of replay) await store.rawTransaction(transaction);
    if (timed) rawMs += performance.now() - rawStart;
    if (timed) statements += replay.reduce((n, t) => n + t.length, 0);
    if (timed) commands += recorded.length;
    last = recorded.slice(-2);
  }
  await checkSameWrites(store, a, b);

  say(
    `commands: settle ${fmt(settleMs)} ms, raw ${fmt(rawMs)} ms, ` +
      `${(statements / commands).toFixed(1)} statements per command (${describeStatements(last)})`,
  );
  const target = TARGETS[database];
  rows.push(
    ratioRow(database, 'commands', commands, settleMs, rawMs, target, statements / commands),
  );
}

async function benchDeadlines(database: 'pglite' | 'postgres', store: Store, recorder: Recorder) {
  const [a, b] = [`da${runId}`, `db${runId}`];
  // The runner claims every due dispute, so set B must not be due when A's runner looks: B
  // lives DEADLINE_SHIFT_MS later, and its replay has every timestamp shifted by as much (the
  // claim's `now` included), so that B's claims find B's rows due exactly as A's found A's.
  // One batch more than timed: the first pair of batches runs untimed, so both sides are
  // measured warm (as the command workload is).
  const count = DEADLINE_N + BATCH;
  await seed(store, 'due deadlines set A', a, count, DUE_OPENED_AT);
  await seed(store, 'due deadlines set B', b, count, DUE_OPENED_AT + DEADLINE_SHIFT_MS);
  const runner = new DeadlineRunner(store, new VirtualClock(T0), { batchSize: BATCH });
  let settleMs = 0;
  let rawMs = 0;
  let statements = 0;
  let fired = 0;
  // Batch by batch: one runner transaction on A, then its statements raw on B.
  let warm = false;
  for (;;) {
    recorder.start();
    const settleStart = performance.now();
    const n = await runner.runOnce();
    const settleBatchMs = performance.now() - settleStart;
    const replay = rewrite(recorder.take(), a, b, DEADLINE_SHIFT_MS);
    const rawStart = performance.now();
    await store.rawTransaction(replay);
    const rawBatchMs = performance.now() - rawStart;
    if (warm) {
      settleMs += settleBatchMs;
      rawMs += rawBatchMs;
      statements += replay.length;
      fired += n;
    }
    warm = true;
    if (n === 0) break;
  }
  if (fired !== DEADLINE_N)
    throw new Error(`expected ${DEADLINE_N} timed deadlines to fire, ${fired} did`);
  await checkSameWrites(store, a, b);

  say(
    `deadlines: settle ${fmt(settleMs)} ms, raw ${fmt(rawMs)} ms, ` +
      `${(statements / fired).toFixed(1)} statements per transition ` +
      `(batches of ${BATCH}, claim included)`,
  );
  const target = TARGETS[database];
  rows.push(
    ratioRow(database, 'deadline transitions', fired, settleMs, rawMs, target, statements / fired),
  );
}

async function benchRunners(store: Store, url: string, schema: string) {
  const tag = `rn${runId}`;
  // These runners read the database clock, as in production: due by that clock.
  const dbNow = await new DatabaseClock(store).now();
  await seed(store, `due deadlines for ${RUNNERS} runners`, tag, RUNNER_N, dbNow - 6 * DAY_MS);
  say(`${RUNNERS} runners (${RUNNER_MODE}, batch ${BATCH}, database clock) drain them…`);
  const { fired, ms } =
    RUNNER_MODE === 'inprocess'
      ? await runnersInProcess(url, schema)
      : await runnersInProcesses(url, schema);
  if (fired !== RUNNER_N) throw new Error(`expected ${RUNNER_N} deadlines to fire, ${fired} did`);
  const perSecond = (fired / ms) * 1_000;
  say(`${RUNNERS} runners: ${fired} transitions in ${fmt(ms)} ms`);
  rows.push({
    database: 'postgres',
    workload: `deadlines, ${RUNNERS} runners (${RUNNER_MODE === 'inprocess' ? 'in-process' : 'processes'})`,
    settle: perSecond,
    target: `>= ${RUNNER_TARGET.toLocaleString('en-US')}/s`,
    pass: perSecond >= RUNNER_TARGET,
  });
}

async function runnersInProcess(url: string, schema: string) {
  const stores = await Promise.all(
    Array.from({ length: RUNNERS }, () => openDatabase({ databaseUrl: url, schema })),
  );
  try {
    const runners = stores.map(
      (s) => new DeadlineRunner(s, new DatabaseClock(s), { batchSize: BATCH }),
    );
    // One query per pool first, so connecting is not timed.
    await Promise.all(stores.map((s) => new DatabaseClock(s).now()));
    const start = performance.now();
    const counts = await Promise.all(runners.map((r) => r.drain()));
    return { fired: counts.reduce((x, y) => x + y, 0), ms: performance.now() - start };
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
}

/** Child processes start and connect first, then all get "go" at once; timing starts there. */
async function runnersInProcesses(url: string, schema: string) {
  const children = Array.from({ length: RUNNERS }, () =>
    runnerChild(
      spawn(process.execPath, ['--import', 'tsx', 'bench/runner-child.ts'], {
        env: {
          ...process.env,
          RUNNER_DATABASE_URL: url,
          RUNNER_SCHEMA: schema,
          RUNNER_BATCH: String(BATCH),
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    ),
  );
  await Promise.all(children.map((c) => c.ready));
  const start = performance.now();
  for (const c of children) c.child.stdin?.write('go\n');
  const counts = await Promise.all(children.map((c) => c.done));
  return { fired: counts.reduce((x, y) => x + y, 0), ms: performance.now() - start };
}

function runnerChild(child: ChildProcess) {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let onReady: () => void = () => {};
  let onDone: (n: number) => void = () => {};
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`a runner process exited with ${code}`))),
  );
  exited.catch(() => {});
  const ready = Promise.race([new Promise<void>((resolve) => (onReady = resolve)), exited]);
  const done = Promise.race([new Promise<number>((resolve) => (onDone = resolve)), exited]);
  lines.on('line', (line) => {
    if (line === 'ready') onReady();
    const m = /^done (\d+)$/.exec(line);
    if (m !== null) onDone(Number(m[1]));
  });
  return { child, ready, done };
}

async function seed(store: Store, what: string, tag: string, count: number, openedAt: number) {
  const start = performance.now();
  let last = 0;
  await bulkDisputes(store, {
    count,
    openedAt,
    prefix: tag,
    onProgress: (done) => {
      if (done === count || performance.now() - last > 2_000) {
        last = performance.now();
        say(`  seeding ${what}: ${done}/${count}`);
      }
    },
  });
  say(`  seeded ${what}: ${count} disputes in ${fmt(performance.now() - start)} ms`);
}

/**
 * The recording with set A's tag swapped for set B's, in the SQL and in every parameter, and
 * every timestamp parameter moved by `shiftMs`.
 */
function rewrite(
  statements: readonly RawStatement[],
  from: string,
  to: string,
  shiftMs: number,
): RawStatement[] {
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replaceAll(from, to);
    if (value instanceof Date) return shiftMs === 0 ? value : new Date(value.getTime() + shiftMs);
    return Array.isArray(value) ? value.map(swap) : value;
  };
  return statements.map((s) => ({
    sql: s.sql.replaceAll(from, to),
    parameters: s.parameters.map(swap),
  }));
}

/** The replay must have written what the service wrote, row for row. */
async function checkSameWrites(store: Store, a: string, b: string) {
  const counts = async (tag: string) => {
    const like = `bulk-${tag}-%`;
    const [events, postings, outbox, offers] = await Promise.all([
      store.db
        .selectFrom('dispute_events')
        .select((eb) => eb.fn.countAll<bigint>().as('n'))
        .where('dispute_id', 'like', like)
        .executeTakeFirstOrThrow(),
      store.db
        .selectFrom('ledger_postings')
        .innerJoin(
          'ledger_transactions',
          'ledger_transactions.id',
          'ledger_postings.transaction_id',
        )
        .select((eb) => eb.fn.countAll<bigint>().as('n'))
        .where('ledger_transactions.dispute_id', 'like', like)
        .executeTakeFirstOrThrow(),
      store.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<bigint>().as('n'))
        .where('aggregate_id', 'like', like)
        .executeTakeFirstOrThrow(),
      store.db
        .selectFrom('offers')
        .select((eb) => eb.fn.countAll<bigint>().as('n'))
        .where('dispute_id', 'like', like)
        .executeTakeFirstOrThrow(),
    ]);
    return `events ${events.n}, postings ${postings.n}, outbox ${outbox.n}, offers ${offers.n}`;
  };
  const [ca, cb] = [await counts(a), await counts(b)];
  if (ca !== cb) throw new Error(`the raw replay wrote other rows: A ${ca}; B ${cb}`);
}

function describeStatements(commands: readonly RawStatement[][]): string {
  return commands
    .map((statements) =>
      statements
        .map((s) => {
          const verb = s.sql.trim().split(/\s/)[0]?.toLowerCase() ?? '?';
          const tables = [...s.sql.matchAll(/(?:from|into|update) "?(\w+)"?/gi)].map((m) => m[1]);
          // A CTE writes several tables; a select names its own table last (subqueries first).
          if (verb === 'with') return `write ${tables.join('+')}`;
          const table = verb === 'select' ? tables.at(-1) : tables[0];
          return table === undefined ? verb : `${verb} ${table}`;
        })
        .join(', '),
    )
    .map((list, i) => `${i === 0 ? 'propose' : 'accept'}: ${list}`)
    .join('; ');
}

function ratioRow(
  database: string,
  workload: string,
  ops: number,
  settleMs: number,
  rawMs: number,
  target: number,
  statements: number,
): Row {
  const settle = (ops / settleMs) * 1_000;
  const raw = (ops / rawMs) * 1_000;
  return {
    database,
    workload,
    settle,
    raw,
    target: `>= ${target}x raw`,
    pass: settle / raw >= target,
    statements,
  };
}

/** A row as a figure of bench/results/latest.json (bench/figures.ts). */
function figureOf(r: Row): Figure {
  const name = `${r.database}.store.${r.workload.replace(/[^a-z0-9]+/gi, '_').replace(/_+$/, '')}_per_s`;
  const note =
    r.statements === undefined
      ? 'absolute: transitions per second across all runners'
      : `in process, ${r.statements.toFixed(1)} statements per op; baseline: the recorded SQL replayed raw`;
  return {
    name,
    value: round(r.settle),
    unit: 'ops/s',
    baseline: r.raw === undefined ? null : round(r.raw),
    ratio: r.raw === undefined ? null : round(r.settle / r.raw, 3),
    target: r.target,
    met: r.pass,
    note,
  };
}

function printTable() {
  const header = [
    'database',
    'workload',
    'settle ops/s',
    'raw ops/s',
    'ratio',
    'stmts/op',
    'target',
    '',
  ];
  const body = rows.map((r) => [
    r.database,
    r.workload,
    Math.round(r.settle).toLocaleString('en-US'),
    r.raw === undefined ? '-' : Math.round(r.raw).toLocaleString('en-US'),
    r.raw === undefined ? '-' : `${(r.settle / r.raw).toFixed(2)}x`,
    r.statements === undefined ? '-' : r.statements.toFixed(r.statements < 1 ? 2 : 1),
    r.target,
    r.pass ? 'PASS' : 'BELOW',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((line) => (line[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  say('');
  say(line(header));
  say(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of body) say(line(cells));
  say(
    `\n(node ${process.version}, BENCH_N=${N}, BENCH_DEADLINE_N=${DEADLINE_N}, BENCH_RUNNER_N=${RUNNER_N}; ops are commands or deadline transitions)`,
  );
}

async function probePostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropSchema(url: string, schema: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}

function positiveInt(name: string, fallback: number, zeroAllowed = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < (zeroAllowed ? 0 : 1))
    throw new Error(`${name} must be a whole number${zeroAllowed ? ' >= 0' : ' >= 1'}, got ${raw}`);
  return n;
}

function fmt(ms: number): string {
  return Math.round(ms).toLocaleString('en-US');
}

function say(text: string) {
  process.stdout.write(`${text}\n`);
}
