// Deadlines under load on PostgreSQL: four runner processes share 3,000 due deadlines (10,000 in
// `npm run soak`: RUNNER_TEST_DUE); one is killed with SIGKILL mid-batch; every deadline still
// has exactly one effect and none fires early.
import { type ChildProcess, spawn } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bulkDisputes } from '../../test/support/bulk-disputes.ts';
import { describePostgres } from '../../test/support/databases.ts';
import { dropSchema, uniqueSchemaName } from '../../test/support/postgres.ts';
import { DAY_MS, HOUR_MS } from '../domain/index.ts';
import { openDatabase } from '../store/database.ts';
import { verifyChain } from '../store/event-chain.ts';
import { checkLedger } from '../store/ledger-store.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import { DatabaseClock } from './clock.ts';
import { DeadlineRunner } from './deadline-runner.ts';

const DUE = Number(process.env.RUNNER_TEST_DUE ?? 3_000);
const NOT_YET_DUE = 200;

function runnerProcess(
  url: string,
  schema: string,
): { child: ChildProcess; batches: () => number; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['test/support/runner-child.ts'], {
    env: { ...process.env, RUNNER_DATABASE_URL: url, RUNNER_SCHEMA: schema, RUNNER_BATCH: '50' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let batches = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    batches += chunk
      .toString()
      .split('\n')
      .filter((l) => l.startsWith('batch')).length;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, batches: () => batches, exited };
}

describePostgres('deadline runners in several processes', (url) => {
  const schema = uniqueSchemaName('runners');
  let store: Store;
  let dbNow: number;

  beforeAll(async () => {
    store = await openDatabase({ databaseUrl: url, schema });
    await migrate(store);
    dbNow = await new DatabaseClock(store).now();
    // Opened six days ago: the five-day seller-response deadline fell a day ago.
    await bulkDisputes(store, { count: DUE, openedAt: dbNow - 6 * DAY_MS, prefix: 'due' });
    // Opened just now minus five days plus an hour: due in an hour, so never fired here.
    await bulkDisputes(store, {
      count: NOT_YET_DUE,
      openedAt: dbNow - 5 * DAY_MS + HOUR_MS,
      prefix: 'later',
    });
  }, 600_000);

  afterAll(async () => {
    await store?.close();
    await dropSchema(url, schema);
  });

  it('fires each deadline exactly once, none early, with a runner killed mid-batch', async () => {
    // The victim starts first and the others once it has committed a batch, so it is still
    // working when it has committed three (it is then inside another) however slowly the
    // processes start on a loaded machine.
    const victim = runnerProcess(url, schema);
    while (victim.batches() < 1) await new Promise((r) => setTimeout(r, 20));
    const runners = [victim, ...[1, 2, 3].map(() => runnerProcess(url, schema))];
    while (victim.batches() < 3) await new Promise((r) => setTimeout(r, 20));
    victim.child.kill('SIGKILL');
    const codes = await Promise.all(runners.map((r) => r.exited));
    expect(codes.slice(1)).toEqual([0, 0, 0]);
    // Rows the killed runner had locked are free again once PostgreSQL ends its session; a
    // final sweep picks up anything the survivors skipped while those locks were held.
    await new DeadlineRunner(store, new DatabaseClock(store), { batchSize: 500 }).drain();

    const fired = await sql<{ dispute_id: string; n: string; early: string }>`
      select dispute_id, count(*) as n,
             count(*) filter (where (payload->>'at')::bigint < (payload->>'dueAt')::bigint) as early
      from dispute_events where type = 'deadline_fired' group by dispute_id`.execute(store.db);
    const due = fired.rows.filter((r) => r.dispute_id.startsWith('bulk-due-'));
    expect(due).toHaveLength(DUE);
    expect(due.every((r) => Number(r.n) === 1)).toBe(true);
    expect(fired.rows.some((r) => Number(r.early) > 0)).toBe(false);
    expect(fired.rows.some((r) => r.dispute_id.startsWith('bulk-later-'))).toBe(false);
    const refunds = await sql<{
      n: string;
    }>`select count(*) as n from ledger_transactions where kind = 'refund'`.execute(store.db);
    expect(Number(refunds.rows[0]?.n)).toBe(DUE);
    expect((await checkLedger(store.db)).ok).toBe(true);
    expect((await verifyChain(store.db)).ok).toBe(true);
  }, 600_000);
});
