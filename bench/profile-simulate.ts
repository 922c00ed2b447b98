// Where a small simulation's time goes on PostgreSQL, by statement: every query through pg is
// timed (round trip, as the driver sees it) and grouped by its text. Not part of `npm run bench`;
// run by hand: node --import tsx bench/profile-simulate.ts [orders] [days]. docs/benchmarks.md
// quotes its output.
import pg from 'pg';
import { withParams } from '../src/simulation/defaults.ts';
import { newMeter } from '../src/simulation/driver.ts';
import { simulate } from '../src/simulation/run.ts';

const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const orders = Number(process.argv[2] ?? 20_000);
const days = Number(process.argv[3] ?? 60);
const stats = new Map<string, { n: number; ms: number }>();
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function timed(this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  const text = typeof first === 'string' ? first : (first?.text ?? '?');
  const key = text.replace(/\s+/g, ' ').slice(0, 110);
  const t = performance.now();
  const result = original.apply(this, args);
  if (result instanceof Promise)
    return result.finally(() => {
      const s = stats.get(key) ?? { n: 0, ms: 0 };
      s.n += 1;
      s.ms += performance.now() - t;
      stats.set(key, s);
    });
  return result;
} as typeof pg.Client.prototype.query;

const meter = newMeter();
const started = performance.now();
await simulate(
  { sellers: 50, orders, days, seed: 1, policy: {}, params: withParams(undefined) },
  { databaseUrl: URL },
  undefined,
  undefined,
  meter,
);
const total = performance.now() - started;
const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
const sum = rows.reduce((n, [, s]) => n + s.ms, 0);
const count = rows.reduce((n, [, s]) => n + s.n, 0);
process.stdout.write(
  `${Math.round(total)} ms wall, ${count} statements, ${Math.round(sum)} ms in them; ` +
    `${meter.disputesOpened} disputes, ${meter.agentActs} wake-ups, ${meter.quietOrders} quiet (${Math.round(meter.quietMs)} ms)\n`,
);
for (const [key, s] of rows.slice(0, 25))
  process.stdout.write(
    `${String(Math.round(s.ms)).padStart(7)} ms ${String(s.n).padStart(7)}x  ${key}\n`,
  );
