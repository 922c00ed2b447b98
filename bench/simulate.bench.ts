// The simulator at the size (issue 13): a one-year marketplace of 1,000 sellers and
// 1,000,000 orders through the real engine and store, target <= 5 minutes, on PostgreSQL
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a schema of its own,
// dropped afterwards). --quick: 100 sellers, 50,000 orders, 30 days (no target). Also reports
// the disputes simulated per second, and whether the run reconciled.
import { withParams } from '../src/simulation/defaults.ts';
import { simulate } from '../src/simulation/run.ts';
import { ceilingFigure, emit, type Figure, QUICK, round } from './figures.ts';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZE = QUICK
  ? { sellers: 100, orders: 50_000, days: 30 }
  : { sellers: 1_000, orders: 1_000_000, days: 365 };
const TARGET_S = 300;

const started = performance.now();
let lastPrinted = 0;
const run = await simulate(
  { ...SIZE, seed: 1, policy: {}, params: withParams(undefined) },
  { databaseUrl: POSTGRES_URL },
  (p) => {
    const now = performance.now();
    if (now - lastPrinted < 10_000) return;
    lastPrinted = now;
    process.stdout.write(`  day ${p.day}/${p.days}, ${round((now - started) / 1000, 0)} s\n`);
  },
);
const seconds = (performance.now() - started) / 1000;
const name = `simulate ${SIZE.sellers} sellers, ${SIZE.orders} orders, ${SIZE.days} days (postgres)`;
const figures: Figure[] = [
  ceilingFigure(
    name,
    seconds,
    's',
    QUICK ? null : TARGET_S,
    'wall time, with report and reconciliation',
  ),
  ceilingFigure(
    `${name}: disputes per second`,
    run.report.disputes / seconds,
    'disputes/s',
    null,
    `${run.report.disputes} disputes, reconciled: ${run.reconciliation.ok}`,
  ),
];
for (const f of figures) process.stdout.write(`${f.name}: ${f.value} ${f.unit}\n`);
emit(figures);
