// A seller's rolling metrics and the per-dispute impact preview. Served from the metrics
// projection (buckets summed over the window, store/seller-metrics-store.ts); the fold over
// every order and event of the window (metricsInput) is kept as the reference that
// `settle metrics check` and the tests compare the projection with.
import { sql } from 'kysely';
import type {
  Dispute,
  DisputeEvent,
  DisputeId,
  DisputeSummary,
  Instant,
  MetricsInput,
  OrderConfirmation,
  OrderId,
  OrderMetricsFacts,
  PolicyValues,
  Responsibility,
  SellerId,
} from '../domain/index.ts';
import {
  addCounters,
  contributionDelta,
  impactPreview,
  metricsFromCounters,
  RESPONSIBILITIES,
  sellerMetrics,
  sumInWindow,
  summarize,
} from '../domain/index.ts';
import { loadEvents } from '../store/event-log.ts';
import { readOrderFacts, sumWindow } from '../store/seller-metrics-store.ts';
import type { Store } from '../store/store.ts';
import { loadPolicy } from './policy-store.ts';
import { decodeDispute } from './state-codec.ts';

/** The policy values the metrics read (window and warning thresholds); undefined: no seller. */
async function sellerPolicy(store: Store, sellerId: string) {
  const seller = await store.db
    .selectFrom('sellers')
    .select(['id', 'country'])
    .where('id', '=', sellerId)
    .executeTakeFirst();
  if (seller === undefined) return undefined;
  return (await loadPolicy(store.db, { buyerCountry: '*', sellerCountry: seller.country })).values;
}

/** The fold's input: every confirmation and dispute summary of the window, from the events. */
export async function metricsInput(
  store: Store,
  sellerId: string,
  now: Instant,
): Promise<MetricsInput | undefined> {
  const policy = await sellerPolicy(store, sellerId);
  if (policy === undefined) return undefined;
  const from = new Date(now - policy.metricsWindowMs);
  const orders = await store.db
    .selectFrom('orders')
    .select(['id', 'completed_at', 'completed_by'])
    .where('seller_id', '=', sellerId)
    .where('completed_at', '>', from)
    .where('completed_at', '<=', new Date(now))
    .execute();
  const confirmations: OrderConfirmation[] = orders.map((o) => ({
    orderId: o.id as OrderId,
    sellerId: sellerId as SellerId,
    at: (o.completed_at as Date).getTime() as Instant,
    by: o.completed_by ?? 'buyer',
  }));
  // Any dispute touched inside the window may count there (escalated or ruled late).
  const disputes = await store.db
    .selectFrom('disputes')
    .select('id')
    .where('seller_id', '=', sellerId)
    .where('updated_at', '>', from)
    .orderBy('id')
    .execute();
  const summaries: DisputeSummary[] = [];
  for (const d of disputes) {
    const events = (await loadEvents(store.db, d.id)).map((e) => e.payload as DisputeEvent);
    const s = summarize(events);
    if (s !== undefined) summaries.push(s);
  }
  return {
    confirmations,
    disputes: summaries,
    now,
    windowMs: policy.metricsWindowMs,
    warnBp: policy.sellerResponsibilityWarnBp,
    warnCount: policy.sellerResponsibilityWarnCount,
  };
}

/** The reference: the seller's metrics folded from every event of the window (slow, exact). */
export async function foldedSellerMetrics(store: Store, sellerId: string, now: Instant) {
  const input = await metricsInput(store, sellerId, now);
  return input === undefined
    ? undefined
    : { metrics: sellerMetrics(input), windowMs: input.windowMs };
}

/** The seller's metrics from the projection: a bounded number of bucket rows, whatever the size. */
export async function sellerMetricsFor(store: Store, sellerId: string, now: Instant) {
  const policy = await sellerPolicy(store, sellerId);
  if (policy === undefined) return undefined;
  const counters = await sumWindow(store.db, sellerId, now - policy.metricsWindowMs, now);
  return {
    metrics: metricsFromCounters(counters, warnOf(policy)),
    windowMs: policy.metricsWindowMs,
  };
}

function warnOf(policy: PolicyValues) {
  return {
    warnBp: policy.sellerResponsibilityWarnBp,
    warnCount: policy.sellerResponsibilityWarnCount,
  };
}

/**
 * What one dispute does to the seller's rates: the window's counters, with the dispute's order
 * contributing as it would if the buyer cancelled, or if ruled against the seller, instead of
 * as it does now (the same what-ifs as impactPreview, on the projection).
 */
export async function impactFor(store: Store, sellerId: string, disputeId: string, now: Instant) {
  const w = await whatIfs(store, sellerId, disputeId, now);
  if (w === undefined) return undefined;
  return {
    now: w.now,
    ifBuyerCancels: w.whatIf((s) => ({ ...s, cancelledByBuyerAt: now })),
    ifRuledAgainstSeller: w.whatIf((s) => ruledAt(s, now, 'seller')),
  };
}

/**
 * What a ruling with each responsibility would do to the seller's rates (the workbench shows it
 * before the arbitrator submits): the same what-if as impactFor, for every responsibility.
 */
export async function rulingImpactFor(
  store: Store,
  sellerId: string,
  disputeId: string,
  now: Instant,
) {
  const w = await whatIfs(store, sellerId, disputeId, now);
  if (w === undefined) return undefined;
  return {
    now: w.now,
    byResponsibility: RESPONSIBILITIES.map((responsibility) => ({
      responsibility,
      metrics: w.whatIf((s) => ruledAt(s, now, responsibility)),
    })),
  };
}

function ruledAt(s: DisputeSummary, now: Instant, responsibility: Responsibility): DisputeSummary {
  return {
    ...s,
    escalatedAt: s.escalatedAt ?? now,
    resolvedAt: now,
    ruledAt: now,
    responsibility,
  };
}

/**
 * The window's counters and a what-if: the dispute's order contributing with the dispute's
 * summary changed, instead of as it does now (the same what-ifs as impactPreview, on the
 * projection). A dispute the projection does not know yet changes nothing.
 */
async function whatIfs(store: Store, sellerId: string, disputeId: string, now: Instant) {
  const policy = await sellerPolicy(store, sellerId);
  if (policy === undefined) return undefined;
  const from = now - policy.metricsWindowMs;
  const counters = await sumWindow(store.db, sellerId, from, now);
  const order = await orderFactsOfDispute(store, disputeId);
  const warn = warnOf(policy);
  const current = order?.disputes.find((s) => s.disputeId === disputeId);
  const whatIf = (change: (s: DisputeSummary) => DisputeSummary) => {
    if (order === undefined || current === undefined) return metricsFromCounters(counters, warn);
    const after = {
      ...order,
      disputes: order.disputes.map((s) => (s.disputeId === disputeId ? change(current) : s)),
    };
    const delta = sumInWindow(contributionDelta(order, after), from, now);
    return metricsFromCounters(addCounters(counters, delta), warn);
  };
  return { now: metricsFromCounters(counters, warn), whatIf };
}

async function orderFactsOfDispute(
  store: Store,
  disputeId: string,
): Promise<OrderMetricsFacts | undefined> {
  const row = await store.db
    .selectFrom('metric_disputes')
    .select('order_id')
    .where('dispute_id', '=', disputeId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return (await readOrderFacts(store.db, [row.order_id])).get(row.order_id);
}

/** The reference impact preview, folded from the events (kept for the check and the tests). */
export async function foldedImpactFor(
  store: Store,
  sellerId: string,
  disputeId: string,
  now: Instant,
) {
  const input = await metricsInput(store, sellerId, now);
  if (input === undefined) return undefined;
  // A dispute outside the window still previews: add its summary so the what-ifs include it.
  if (!input.disputes.some((s) => s.disputeId === disputeId)) {
    const s = summarize(
      (await loadEvents(store.db, disputeId)).map((e) => e.payload as DisputeEvent),
    );
    if (s !== undefined)
      return impactPreview({ ...input, disputes: [...input.disputes, s] }, disputeId as DisputeId);
  }
  return impactPreview(input, disputeId as DisputeId);
}

/** Disputes waiting for an arbitrator, longest-waiting first (the 7-day ruling target is shown). */
export async function arbitrationQueue(
  store: Store,
  limit: number,
): Promise<{ dispute: Dispute; version: number }[]> {
  // Ordered in SQL by the same expression as the partial index disputes_arbitration_waiting
  // (migration 0021), written out literally so the index matches: the first page is the longest
  // waiting disputes, read straight off the index.
  const waitingSince = sql`(coalesce(state->'appeal'->>'at', state->'escalation'->>'at', state->>'openedAt'))::bigint`;
  const rows = await store.db
    .selectFrom('disputes')
    .select(['state', 'version'])
    .where(sql<boolean>`status in ('in_arbitration', 'appealed')`)
    .orderBy(waitingSince)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ dispute: decodeDispute(r.state), version: r.version }));
}

/** How far back the history reaches at most, and how finely. */
export const HISTORY_POINTS_MAX = 52;

/**
 * The seller's three rates over time: the rolling window's rates as they stood at each of
 * `points` instants `stepMs` apart, the last one now. Each point sums the projection's buckets
 * over its own window, so the cost is bounded by points, not by the number of disputes.
 */
export async function sellerMetricsHistory(
  store: Store,
  sellerId: string,
  now: Instant,
  points: number,
  stepMs: number,
) {
  const policy = await sellerPolicy(store, sellerId);
  if (policy === undefined) return undefined;
  const series = [];
  for (let i = points - 1; i >= 0; i--) {
    const at = now - i * stepMs;
    const counters = await sumWindow(store.db, sellerId, at - policy.metricsWindowMs, at);
    series.push({ at, metrics: metricsFromCounters(counters, warnOf(policy)) });
  }
  return { windowMs: policy.metricsWindowMs, thresholds: warnOf(policy), series };
}
