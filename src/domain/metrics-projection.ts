// The seller metrics as sums of counters kept in time buckets, so a read adds up a bounded
// number of rows instead of folding every order and dispute of the window (issue 9, P5).
//
// The unit of contribution is the order, not the dispute: the dispute rate counts distinct
// orders (an order confirmed and disputed in the window counts once), which no per-dispute
// counter can express. An order counts in the denominator at its latest touch (confirmation or
// dispute opening) and in the numerator at its latest counted dispute opening: with every touch
// at or before the read's `now`, "some touch in (from, now]" is "the latest touch after from".
// Every other counter is one per dispute event time. A write computes the order's contribution
// before and after and adds the difference (contributionDelta).
//
// Exact windows: the fold counts (now − windowMs, now] to the millisecond. Buckets are kept at
// four grains (UTC day, hour, minute, and the exact instant), and windowRanges covers the window
// with whole days plus at most 23 hours, 59 minutes and the instants of one minute on each side.
import type { OrderId, SellerId } from './ids.ts';
import type { Instant } from './instant.ts';
import {
  type DisputeSummary,
  type Rate,
  ruledAgainstSeller,
  type SellerMetrics,
  summaryExcluded,
} from './metrics.ts';

export const COUNTER_NAMES = [
  'confirmed',
  'resolved',
  'escalated',
  'escalated_counted',
  'ruled_against',
  'orders_touched',
  'orders_disputed',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Readonly<Record<CounterName, number>>;

export const ZERO_COUNTERS: Counters = Object.freeze({
  confirmed: 0,
  resolved: 0,
  escalated: 0,
  escalated_counted: 0,
  ruled_against: 0,
  orders_touched: 0,
  orders_disputed: 0,
});

/** What the metrics know of one order: its confirmation and the summaries of its disputes. */
export interface OrderMetricsFacts {
  readonly orderId: OrderId;
  readonly sellerId: SellerId;
  readonly completedAt?: Instant;
  readonly disputes: readonly DisputeSummary[];
}

/** One counter added at one instant. */
export interface Contribution {
  readonly at: Instant;
  readonly counter: CounterName;
  readonly count: number;
}

/** The counters one order adds to its seller's buckets, each at the instant the fold reads. */
export function metricsContribution(order: OrderMetricsFacts): Contribution[] {
  const out: Contribution[] = [];
  const add = (at: Instant, counter: CounterName) => out.push({ at, counter, count: 1 });
  if (order.completedAt !== undefined) add(order.completedAt, 'confirmed');
  for (const s of order.disputes) {
    const excluded = summaryExcluded(s);
    if (s.escalatedAt !== undefined) {
      add(s.escalatedAt, 'escalated');
      if (!excluded) add(s.escalatedAt, 'escalated_counted');
    }
    if (s.resolvedAt !== undefined) add(s.resolvedAt, 'resolved');
    if (s.ruledAt !== undefined && ruledAgainstSeller(s) && !excluded)
      add(s.ruledAt, 'ruled_against');
  }
  const touched = latest([order.completedAt, ...order.disputes.map((s) => s.openedAt)]);
  if (touched !== undefined) add(touched, 'orders_touched');
  const disputed = latest(order.disputes.filter((s) => !summaryExcluded(s)).map((s) => s.openedAt));
  if (disputed !== undefined) add(disputed, 'orders_disputed');
  return out;
}

function latest(ats: readonly (Instant | undefined)[]): Instant | undefined {
  let max: Instant | undefined;
  for (const at of ats) if (at !== undefined && (max === undefined || at > max)) max = at;
  return max;
}

/** What a change to one order adds to the buckets: its contribution after, less before. */
export function contributionDelta(
  before: OrderMetricsFacts | undefined,
  after: OrderMetricsFacts,
): Contribution[] {
  const removed = before === undefined ? [] : metricsContribution(before);
  return [...metricsContribution(after), ...removed.map((c) => ({ ...c, count: -c.count }))];
}

/** Bucket grains, coarsest first; the last is the exact instant. */
export const GRAIN_MS = [86_400_000, 3_600_000, 60_000, 1] as const;
export type Grain = 0 | 1 | 2 | 3;
export const GRAINS: readonly Grain[] = [0, 1, 2, 3];

/** The start of the bucket of `grain` holding `at` (UTC-aligned: epoch multiples). */
export function bucketStart(grain: Grain, at: number): number {
  const size = GRAIN_MS[grain];
  return Math.floor(at / size) * size;
}

/** Buckets of one grain whose start is in [startFrom, startTo). */
export interface BucketRange {
  readonly grain: Grain;
  readonly startFrom: number;
  readonly startTo: number;
}

/**
 * The bucket ranges that together hold exactly the instants in (from, now]: whole buckets of the
 * coarsest grain that fits, then finer ones for the remainders at each end.
 */
export function windowRanges(from: number, now: number): BucketRange[] {
  return now <= from ? [] : cover(from + 1, now + 1, 0);
}

function cover(lo: number, hi: number, grain: Grain): BucketRange[] {
  if (lo >= hi) return [];
  if (grain === 3) return [{ grain, startFrom: lo, startTo: hi }];
  const size = GRAIN_MS[grain];
  const start = Math.ceil(lo / size) * size;
  const end = Math.floor(hi / size) * size;
  const finer = (grain + 1) as Grain;
  if (start >= end) return cover(lo, hi, finer);
  return [
    { grain, startFrom: start, startTo: end },
    ...cover(lo, start, finer),
    ...cover(end, hi, finer),
  ];
}

function rate(numerator: number, denominator: number): Rate {
  return {
    numerator,
    denominator,
    bp: denominator === 0 ? 0 : Math.floor((numerator * 10_000) / denominator),
  };
}

/** The seller's metrics from the counters summed over the window (the fold's arithmetic). */
export function metricsFromCounters(
  c: Counters,
  warn: { readonly warnBp: number; readonly warnCount: number },
): SellerMetrics {
  const base = c.confirmed + c.resolved + c.escalated;
  const sellerResponsibilityRate = rate(c.ruled_against, base);
  return {
    disputeRate: rate(c.orders_disputed, c.orders_touched),
    arbitrationRate: rate(c.escalated_counted, base),
    sellerResponsibilityRate,
    warning: sellerResponsibilityRate.bp > warn.warnBp || c.ruled_against > warn.warnCount,
  };
}

/** Sums contributions whose instant is in (from, now]: the reference the buckets must match. */
export function sumInWindow(
  contributions: readonly Contribution[],
  from: number,
  now: number,
): Counters {
  const sum: Record<CounterName, number> = { ...ZERO_COUNTERS };
  for (const c of contributions) if (c.at > from && c.at <= now) sum[c.counter] += c.count;
  return sum;
}

/** Adds `delta` to `to`, counter by counter. */
export function addCounters(to: Counters, delta: Partial<Counters>): Counters {
  const sum: Record<CounterName, number> = { ...to };
  for (const name of COUNTER_NAMES) sum[name] += delta[name] ?? 0;
  return sum;
}
