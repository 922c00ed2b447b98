// The bucketed seller metrics equal the fold over events: per-order contributions summed over the
// window give sellerMetrics' numbers, and the bucket ranges hold each instant of (from, now]
// exactly once and nothing outside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisputeId, OrderId, SellerId } from './ids.ts';
import { DAY_MS, type Instant } from './instant.ts';
import { type DisputeSummary, sellerMetrics } from './metrics.ts';
import {
  bucketStart,
  contributionDelta,
  GRAIN_MS,
  metricsContribution,
  metricsFromCounters,
  type OrderMetricsFacts,
  sumInWindow,
  windowRanges,
} from './metrics-projection.ts';
import { RESPONSIBILITIES } from './reasons.ts';

const SELLER = 'seller-p' as SellerId;
const NOW = Date.UTC(2026, 5, 15, 13, 27, 41, 123);
const SPAN = 45 * DAY_MS;

const instantBefore = fc.integer({ min: NOW - SPAN, max: NOW }).map((n) => n as Instant);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const summaryArb = (orderId: OrderId, n: number) =>
  fc
    .record({
      channel: fc.constantFrom('seller' as const, 'platform' as const),
      openedAt: instantBefore,
      cancelledByBuyerAt: maybe(instantBefore),
      escalatedAt: maybe(instantBefore),
      resolvedAt: maybe(instantBefore),
      ruledAt: maybe(instantBefore),
      responsibility: maybe(fc.constantFrom(...RESPONSIBILITIES)),
      protected: fc.boolean(),
    })
    .map((r): DisputeSummary => {
      const s: Record<string, unknown> = {
        disputeId: `${orderId}-d${n}` as DisputeId,
        orderId,
        sellerId: SELLER,
      };
      for (const [k, v] of Object.entries(r)) if (v !== undefined) s[k] = v;
      return s as unknown as DisputeSummary;
    });

const orderArb = (i: number) => {
  const orderId = `o-${i}` as OrderId;
  return fc
    .record({
      completedAt: maybe(instantBefore),
      disputes: fc.tuple(...[0, 1, 2].map((n) => maybe(summaryArb(orderId, n)))),
    })
    .map(
      (r): OrderMetricsFacts => ({
        orderId,
        sellerId: SELLER,
        ...(r.completedAt === undefined ? {} : { completedAt: r.completedAt }),
        disputes: r.disputes.filter((s): s is DisputeSummary => s !== undefined),
      }),
    );
};

const ordersArb = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => orderArb(i))));

const WARN = { warnBp: 100, warnCount: 2 };

function foldMetrics(orders: readonly OrderMetricsFacts[], windowMs: number) {
  return sellerMetrics({
    confirmations: orders.flatMap((o) =>
      o.completedAt === undefined
        ? []
        : [{ orderId: o.orderId, sellerId: SELLER, at: o.completedAt, by: 'buyer' as const }],
    ),
    disputes: orders.flatMap((o) => o.disputes),
    now: NOW as Instant,
    windowMs,
    ...WARN,
  });
}

describe('metricsContribution', () => {
  it('summed over the window equals the fold, for any orders touched at or before now', () => {
    fc.assert(
      fc.property(ordersArb, fc.integer({ min: 1, max: 40 * DAY_MS }), (orders, windowMs) => {
        const contributions = orders.flatMap(metricsContribution);
        const counters = sumInWindow(contributions, NOW - windowMs, NOW);
        expect(metricsFromCounters(counters, WARN)).toEqual(foldMetrics(orders, windowMs));
      }),
    );
  });

  it('a change adds after less before: applying deltas in turn ends at the final contribution', () => {
    fc.assert(
      fc.property(ordersArb, ordersArb, fc.integer({ min: 1, max: 40 * DAY_MS }), (a, b, w) => {
        // Each order of `a` is replaced by the same-numbered order of `b`, as a write would.
        const deltas = [
          ...a.flatMap((o) => contributionDelta(undefined, o)),
          ...a.flatMap((o, i) => (b[i] === undefined ? [] : contributionDelta(o, b[i]))),
        ];
        const final = [...b.slice(0, a.length), ...a.slice(b.length)];
        expect(sumInWindow(deltas, NOW - w, NOW)).toEqual(
          sumInWindow(final.flatMap(metricsContribution), NOW - w, NOW),
        );
      }),
    );
  });

  it('counts an order confirmed and disputed in the window once in the dispute rate', () => {
    const order: OrderMetricsFacts = {
      orderId: 'o-1' as OrderId,
      sellerId: SELLER,
      completedAt: (NOW - DAY_MS) as Instant,
      disputes: [
        {
          disputeId: 'd-1' as DisputeId,
          orderId: 'o-1' as OrderId,
          sellerId: SELLER,
          channel: 'seller',
          openedAt: (NOW - 2 * DAY_MS) as Instant,
          protected: false,
        },
      ],
    };
    const counters = sumInWindow(metricsContribution(order), NOW - 30 * DAY_MS, NOW);
    expect(metricsFromCounters(counters, WARN).disputeRate).toEqual({
      numerator: 1,
      denominator: 1,
      bp: 10_000,
    });
  });
});

describe('windowRanges', () => {
  it('holds each instant of (from, now] in exactly one bucket range and none outside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * DAY_MS }),
        fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS }),
        (windowMs, offset) => {
          const from = NOW - windowMs;
          const ranges = windowRanges(from, NOW);
          const probes = [from - 1, from, from + 1, NOW - 1, NOW, NOW + 1, from + offset];
          for (const t of probes) {
            const holding = ranges.filter((r) => {
              const start = bucketStart(r.grain, t);
              return start >= r.startFrom && start < r.startTo;
            });
            expect(holding.length).toBe(t > from && t <= NOW ? 1 : 0);
          }
        },
      ),
    );
  });

  it('reads a bounded number of buckets: whole days plus at most two remainders per grain', () => {
    const ranges = windowRanges(NOW - 30 * DAY_MS, NOW);
    expect(ranges.length).toBeLessThanOrEqual(1 + 2 * (GRAIN_MS.length - 1));
    const days = ranges.find((r) => r.grain === 0);
    expect(days === undefined ? 0 : (days.startTo - days.startFrom) / DAY_MS).toBe(29);
  });
});
