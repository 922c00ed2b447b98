// The simulator at the issue's size (issue 13): a one-year marketplace of 1,000 sellers and
// 1,000,000 orders through the real engine and store, target <= 5 minutes, on PostgreSQL
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a schema of its own,
// dropped afterwards). --quick: 100 sellers, 50,000 orders, 30 days (no target).
//
// Bounded: the run gets a time budget (5 minutes, quick 45 s) and is stopped cleanly when it
// passes it. A run that finishes reports its wall time; a stopped one reports how far it got
// (simulated day, orders, disputes) and the total time projected from its measured rates: the
// bulk load rate of quiet orders and the cost per opened dispute (everything that is not quiet
// loading, divided by the disputes opened so far). The baseline, measured in the same run, is
// the same orders bulk-loaded with no dispute at all (the quiet rate times all orders): the
// ratio is what the disputes cost on top of merely storing the marketplace.
import { withParams } from '../src/simulation/defaults.ts';
import { newMeter, planCounts } from '../src/simulation/driver.ts';
import { simulate } from '../src/simulation/run.ts';
import { emit, type Figure, QUICK, round } from './figures.ts';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZE = QUICK
  ? { sellers: 100, orders: 50_000, days: 30 }
  : { sellers: 1_000, orders: 1_000_000, days: 365 };
const TARGET_S = 300;
const BUDGET_MS = QUICK ? 45_000 : TARGET_S * 1_000;

const input = { ...SIZE, seed: 1, policy: {}, params: withParams(undefined) };
const planStarted = performance.now();
const plan = planCounts(input);
const planS = (performance.now() - planStarted) / 1000;
process.stdout.write(
  `  plan: ${plan.quiet} quiet, ${plan.eventful} disputed or charged back (${round(planS, 1)} s, not timed)\n`,
);

const meter = newMeter();
const budget = new AbortController();
const timer = setTimeout(() => budget.abort(), BUDGET_MS);
const started = performance.now();
let lastPrinted = 0;
let outcome: Awaited<ReturnType<typeof simulate>> | undefined;
try {
  outcome = await simulate(
    input,
    { databaseUrl: POSTGRES_URL },
    (p) => {
      const now = performance.now();
      if (now - lastPrinted < 10_000) return;
      lastPrinted = now;
      process.stdout.write(
        `  day ${p.day}/${p.days}, ${meter.plannedOrders} orders, ${meter.disputesOpened} disputes, ${round((now - started) / 1000, 0)} s\n`,
      );
    },
    budget.signal,
    meter,
  );
} catch (error) {
  if (!budget.signal.aborted) throw error;
} finally {
  clearTimeout(timer);
}
// The budget stops the loop; the schema is dropped in simulate's finally, not counted.
const seconds = (performance.now() - started) / 1000;
const quietMsPerOrder = meter.quietOrders > 0 ? meter.quietMs / meter.quietOrders : 0;
const disputeMs = Math.max(0, seconds * 1000 - meter.quietMs);
const msPerDispute = meter.disputesOpened > 0 ? disputeMs / meter.disputesOpened : 0;
const projectedS =
  outcome !== undefined
    ? seconds
    : (meter.quietMs +
        quietMsPerOrder * (plan.quiet - meter.quietOrders) +
        disputeMs +
        msPerDispute * Math.max(0, plan.eventful - meter.disputesOpened)) /
      1000;
const baselineS = (quietMsPerOrder * SIZE.orders) / 1000;

const name = `simulate ${SIZE.sellers} sellers, ${SIZE.orders} orders, ${SIZE.days} days (postgres)`;
const reached =
  `day ${meter.day} of ${SIZE.days} + tail, ${meter.plannedOrders} orders planned ` +
  `(${meter.quietOrders} quiet bulk-loaded in ${round(meter.quietMs / 1000, 1)} s), ` +
  `${meter.disputesOpened} disputes opened, ${meter.agentActs} agent wake-ups`;
const figures: Figure[] = [
  {
    name: `${name}: ${outcome === undefined ? 'projected' : 'measured'} wall time`,
    value: round(projectedS),
    unit: 's',
    baseline: baselineS > 0 ? round(baselineS) : null,
    ratio: baselineS > 0 ? round(projectedS / baselineS, 3) : null,
    target: QUICK ? null : `<= ${TARGET_S} s`,
    met: QUICK ? null : outcome !== undefined && projectedS <= TARGET_S,
    note:
      outcome === undefined
        ? `stopped by its ${BUDGET_MS / 1000} s budget at ${round(seconds, 1)} s: ${reached}; ` +
          `projected from ${round(quietMsPerOrder * 1000, 1)} µs per quiet order and ` +
          `${round(msPerDispute, 1)} ms per dispute over ${plan.quiet} quiet and ${plan.eventful} ` +
          'eventful orders (without the tail days, report and reconciliation: a lower bound); ' +
          'baseline: the same orders bulk-loaded with no dispute'
        : `finished: ${reached}; with report and reconciliation ` +
          `(reconciled: ${outcome.reconciliation.ok}); baseline: the same orders bulk-loaded with no dispute`,
  },
  {
    name: `${name}: disputes per second`,
    value: round(msPerDispute > 0 ? 1000 / msPerDispute : 0),
    unit: 'disputes/s',
    baseline: null,
    ratio: null,
    target: null,
    met: null,
    note: `all time not spent bulk-loading quiet orders, per dispute opened (${meter.disputesOpened})`,
  },
  {
    name: `${name}: quiet orders bulk-loaded per second`,
    value: round(quietMsPerOrder > 0 ? 1000 / quietMsPerOrder : 0),
    unit: 'orders/s',
    baseline: null,
    ratio: null,
    target: null,
    met: null,
    note: 'orders, capture transactions and metric buckets, in chunks (src/simulation/bulk-orders.ts)',
  },
];
for (const f of figures)
  process.stdout.write(`${f.name}: ${f.value} ${f.unit}${f.note ? ` — ${f.note}` : ''}\n`);
emit(figures);
