// Seller metrics over a rolling window, from events, with domain.md's exclusions:
// disputes ruled `logistics` on the platform channel and protection-handled disputes are left
// out of every numerator; a dispute counts from the moment it opens unless the buyer cancels it.
// A ruling counts against the seller when it says `seller`, or `logistics` on the seller's own
// channel (the seller chose the carrier and answers for it).
// Rates are exact fractions plus basis points rounded down, never floats in the arithmetic.
import type { DisputeEvent } from './dispute/events.ts';
import type { DisputeId, OrderId, SellerId } from './ids.ts';
import type { Instant } from './instant.ts';
import type { Responsibility, ShippingChannel } from './reasons.ts';

export interface OrderConfirmation {
  readonly orderId: OrderId;
  readonly sellerId: SellerId;
  readonly at: Instant;
  readonly by: 'buyer' | 'timeout';
}

/** What the metrics need to know about one dispute, folded from its events. */
export interface DisputeSummary {
  readonly disputeId: DisputeId;
  readonly orderId: OrderId;
  readonly sellerId: SellerId;
  readonly channel: ShippingChannel;
  readonly openedAt: Instant;
  readonly cancelledByBuyerAt?: Instant;
  readonly escalatedAt?: Instant;
  readonly resolvedAt?: Instant;
  readonly ruledAt?: Instant;
  readonly responsibility?: Responsibility;
  readonly protected: boolean;
}

export function summarize(events: readonly DisputeEvent[]): DisputeSummary | undefined {
  let s: DisputeSummary | undefined;
  for (const e of events) s = summaryStep(s, e);
  return s;
}

/**
 * The events summaryStep reads; any other leaves the summary as it was, so a writer may skip
 * the metrics of a decision made only of others.
 */
export const METRICS_EVENT_TYPES: ReadonlySet<DisputeEvent['type']> = new Set([
  'dispute_opened',
  'dispute_cancelled',
  'dispute_escalated',
  'escalation_withdrawn',
  'ruling_issued',
  'dispute_resolved',
  'appeal_decided',
]);

export function summaryStep(
  s: DisputeSummary | undefined,
  e: DisputeEvent,
): DisputeSummary | undefined {
  if (!METRICS_EVENT_TYPES.has(e.type)) return s;
  if (e.type === 'dispute_opened') {
    return {
      disputeId: e.disputeId,
      orderId: e.order.orderId,
      sellerId: e.order.sellerId,
      channel: e.order.outboundChannel,
      openedAt: e.at,
      protected: false,
    };
  }
  if (s === undefined) return s;
  switch (e.type) {
    case 'dispute_cancelled':
      return e.how === 'buyer' || e.how === 'coupon_accepted'
        ? { ...s, cancelledByBuyerAt: e.at }
        : s;
    case 'dispute_escalated':
      return { ...s, escalatedAt: e.at };
    case 'escalation_withdrawn': {
      const { escalatedAt: _withdrawn, ...rest } = s;
      return rest;
    }
    case 'ruling_issued':
      // The ruling assigns responsibility, however its outcome is later carried out (a ruled
      // return may end by a countdown): a silent seller must not escape the mark.
      return { ...s, ruledAt: e.at, responsibility: e.ruling.responsibility };
    case 'dispute_resolved':
      return { ...s, resolvedAt: e.at, protected: e.resolution.how === 'protection' };
    case 'appeal_decided':
      // A won appeal replaces the responsibility: the seller's mark is removed with it.
      return { ...s, ruledAt: s.ruledAt ?? e.at, responsibility: e.resolution.responsibility };
    default:
      return s;
  }
}

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** Basis points, rounded down: 100 = 1%. */
  readonly bp: number;
}

export interface SellerMetrics {
  readonly disputeRate: Rate;
  readonly arbitrationRate: Rate;
  readonly sellerResponsibilityRate: Rate;
  readonly warning: boolean;
}

export interface MetricsInput {
  readonly confirmations: readonly OrderConfirmation[];
  readonly disputes: readonly DisputeSummary[];
  readonly now: Instant;
  readonly windowMs: number;
  readonly warnBp: number;
  readonly warnCount: number;
}

function rate(numerator: number, denominator: number): Rate {
  return {
    numerator,
    denominator,
    bp: denominator === 0 ? 0 : Math.floor((numerator * 10_000) / denominator),
  };
}

// A buyer-cancelled dispute leaves every numerator too: domain.md counts a dispute "whatever its
// outcome, unless the buyer cancels it".
export function summaryExcluded(s: DisputeSummary): boolean {
  return (
    s.protected ||
    s.cancelledByBuyerAt !== undefined ||
    (s.responsibility === 'logistics' && s.channel === 'platform')
  );
}

/** domain.md's seller-responsibility numerator: `seller`, or `logistics` on the seller's channel. */
export function ruledAgainstSeller(s: DisputeSummary): boolean {
  if (s.responsibility === 'seller') return true;
  return s.responsibility === 'logistics' && s.channel === 'seller';
}

export function sellerMetrics(input: MetricsInput): SellerMetrics {
  const from = input.now - input.windowMs;
  const inWindow = (at: Instant | undefined): boolean =>
    at !== undefined && at > from && at <= input.now;
  const confirmed = input.confirmations.filter((c) => inWindow(c.at));
  const opened = input.disputes.filter((s) => inWindow(s.openedAt));
  const counted = opened.filter((s) => !summaryExcluded(s));

  const denominatorOrders = new Set<string>([
    ...confirmed.map((c) => c.orderId),
    ...opened.map((s) => s.orderId),
  ]);
  const disputedOrders = new Set(counted.map((s) => s.orderId));

  const escalated = input.disputes.filter((s) => inWindow(s.escalatedAt));
  const resolved = input.disputes.filter((s) => inWindow(s.resolvedAt));
  const base = confirmed.length + resolved.length + escalated.length;
  const ruledSeller = input.disputes.filter(
    (s) => inWindow(s.ruledAt) && ruledAgainstSeller(s) && !summaryExcluded(s),
  ).length;
  const sellerResponsibilityRate = rate(ruledSeller, base);
  return {
    disputeRate: rate(disputedOrders.size, denominatorOrders.size),
    arbitrationRate: rate(escalated.filter((s) => !summaryExcluded(s)).length, base),
    sellerResponsibilityRate,
    warning: sellerResponsibilityRate.bp > input.warnBp || ruledSeller > input.warnCount,
  };
}

export interface ImpactPreview {
  readonly now: SellerMetrics;
  readonly ifBuyerCancels: SellerMetrics;
  readonly ifRuledAgainstSeller: SellerMetrics;
}

/** What one open dispute does to the seller's rates: cancelled by the buyer vs ruled against them. */
export function impactPreview(input: MetricsInput, disputeId: DisputeId): ImpactPreview {
  const replace = (f: (s: DisputeSummary) => DisputeSummary): MetricsInput => ({
    ...input,
    disputes: input.disputes.map((s) => (s.disputeId === disputeId ? f(s) : s)),
  });
  return {
    now: sellerMetrics(input),
    ifBuyerCancels: sellerMetrics(replace((s) => ({ ...s, cancelledByBuyerAt: input.now }))),
    ifRuledAgainstSeller: sellerMetrics(
      replace((s) => ({
        ...s,
        escalatedAt: s.escalatedAt ?? input.now,
        resolvedAt: input.now,
        ruledAt: input.now,
        responsibility: 'seller',
      })),
    ),
  };
}
