// Keeps the seller metrics projection in the write's transaction (issue 9, P5): for the plans
// whose events change a dispute's metrics summary, the orders are locked, each order's
// contribution before and after is computed in memory, and the difference is added to the
// buckets, one statement per table for the whole batch.
import type { Kysely } from 'kysely';
import {
  type Dispute,
  type DisputeSummary,
  type Instant,
  instant,
  METRICS_EVENT_TYPES,
  type OrderMetricsFacts,
  summaryStep,
} from '../domain/index.ts';
import type { Database } from '../store/schema.ts';
import { lockOrderFacts, writeOrderChanges } from '../store/seller-metrics-store.ts';
import { flushHeldWrites } from '../store/write-later.ts';
import type { Plan } from './dispute-writer.ts';
import { recordStandingChanges } from './seller-standing.ts';

export async function projectSellerMetrics(
  trx: Kysely<Database>,
  plans: readonly Plan[],
): Promise<void> {
  const relevant = plans.filter((p) => p.events.some((e) => METRICS_EVENT_TYPES.has(e.type)));
  if (relevant.length === 0) return;
  const states = relevant.map((p) => (p.states.at(-1) ?? p.base?.dispute) as Dispute);
  const before = await lockOrderFacts(
    trx,
    states.map((d) => d.order.orderId),
  );
  const after = new Map<string, OrderMetricsFacts>();
  const changed: DisputeSummary[] = [];
  for (const [i, plan] of relevant.entries()) {
    const order = (states[i] as Dispute).order;
    const facts = after.get(order.orderId) ??
      before.get(order.orderId) ?? {
        orderId: order.orderId,
        sellerId: order.sellerId,
        disputes: [],
      };
    const disputeId = (states[i] as Dispute).id;
    const old = facts.disputes.find((s) => s.disputeId === disputeId);
    let summary = old;
    for (const e of plan.events) summary = summaryStep(summary, e);
    if (summary === undefined || summary === old) continue;
    changed.push(summary);
    after.set(order.orderId, { ...facts, disputes: withSummary(facts.disputes, summary) });
  }
  await writeOrderChanges(
    trx,
    [...after].map(([orderId, facts]) => ({ before: before.get(orderId), after: facts })),
    changed,
  );
  // The standing sums the buckets: the deltas just held back must be in them first.
  await flushHeldWrites(trx);
  await recordStandingChanges(
    trx,
    [...after.values()].map((f) => f.sellerId),
    latestAt(relevant),
  );
}

/** When the batch's metrics changed: its latest event (the write's clock, not the machine's). */
function latestAt(plans: readonly Plan[]): Instant {
  return Math.max(...plans.flatMap((p) => p.events.map((e) => e.at))) as Instant;
}

function withSummary(
  list: readonly DisputeSummary[],
  summary: DisputeSummary,
): readonly DisputeSummary[] {
  return list.some((s) => s.disputeId === summary.disputeId)
    ? list.map((s) => (s.disputeId === summary.disputeId ? summary : s))
    : [...list, summary];
}

/**
 * An order's confirmation, in the order status feed's transaction: locks the order, then the
 * caller's update sets completed_at; the contribution moves from `before` to the confirmed one.
 */
export async function projectOrderConfirmed(
  trx: Kysely<Database>,
  orderId: string,
  confirm: () => Promise<boolean>,
  at: number,
  /** The clock's now, for the standing: a confirmation may be reported with an earlier `at`. */
  now: number = at,
): Promise<void> {
  const before = (await lockOrderFacts(trx, [orderId])).get(orderId);
  if (!(await confirm()) || before === undefined) return;
  await writeOrderChanges(trx, [{ before, after: { ...before, completedAt: instant(at) } }], []);
  await flushHeldWrites(trx);
  await recordStandingChanges(trx, [before.sellerId], instant(Math.max(at, now)));
}
