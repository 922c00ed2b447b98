// A plain recount of the seller metrics straight from raw events, written without the
// summarize() fold, so the property test can check the two agree.
import {
  DEFAULT_POLICY,
  type DisputeEvent,
  type Instant,
  type OrderId,
  type SellerId,
  sellerMetrics,
  summarize,
} from '../../src/domain/index.ts';

const CONFIRMED = Array.from({ length: 7 }, (_, i) => ({
  orderId: `c-${i}` as OrderId,
  sellerId: 'seller-1' as SellerId,
  at: (Date.UTC(2026, 10, 1) - i * 86_400_000) as Instant,
  by: i % 2 === 0 ? ('buyer' as const) : ('timeout' as const),
}));

export function summariesMetrics(events: readonly DisputeEvent[], now: Instant) {
  const s = summarize(events);
  return sellerMetrics({
    confirmations: CONFIRMED,
    disputes: s === undefined ? [] : [s],
    now,
    windowMs: DEFAULT_POLICY.metricsWindowMs,
    warnBp: DEFAULT_POLICY.sellerResponsibilityWarnBp,
    warnCount: DEFAULT_POLICY.sellerResponsibilityWarnCount,
  });
}

export function plainRecount(events: readonly DisputeEvent[], now: Instant) {
  const from = now - DEFAULT_POLICY.metricsWindowMs;
  const inside = (at: number | undefined) => at !== undefined && at > from && at <= now;
  const opened = events.find((e) => e.type === 'dispute_opened');
  const channel = opened?.type === 'dispute_opened' ? opened.order.outboundChannel : 'seller';
  const cancelled = events.some((e) => e.type === 'dispute_cancelled');
  const isProtected = events.some(
    (e) => e.type === 'dispute_resolved' && e.resolution.how === 'protection',
  );
  let responsibility: string | undefined;
  let ruledAt: number | undefined;
  let escalatedAt: number | undefined;
  let resolvedAt: number | undefined;
  for (const e of events) {
    if (e.type === 'dispute_escalated') escalatedAt = e.at;
    if (e.type === 'escalation_withdrawn') escalatedAt = undefined;
    if (e.type === 'dispute_resolved') resolvedAt = e.at;
    if (e.type === 'ruling_issued') {
      responsibility = e.ruling.responsibility;
      ruledAt = e.at;
    }
    if (e.type === 'appeal_decided') responsibility = e.resolution.responsibility;
  }
  const excluded =
    isProtected || cancelled || (responsibility === 'logistics' && channel === 'platform');
  const confirmed = CONFIRMED.filter((c) => inside(c.at)).length;
  const openedInside = opened !== undefined && inside(opened.at);
  const disputeNumerator = openedInside && !cancelled && !excluded ? 1 : 0;
  const disputeDenominator = confirmed + (openedInside ? 1 : 0);
  const base = confirmed + (inside(resolvedAt) ? 1 : 0) + (inside(escalatedAt) ? 1 : 0);
  const arbitration = inside(escalatedAt) && !excluded ? 1 : 0;
  // domain.md: ruled `seller`, or `logistics` on the seller's own channel (its chosen carrier).
  const againstSeller =
    responsibility === 'seller' || (responsibility === 'logistics' && channel === 'seller');
  const sellerRuled = inside(ruledAt) && againstSeller && !excluded ? 1 : 0;
  const rate = (n: number, d: number) => ({
    numerator: n,
    denominator: d,
    bp: d === 0 ? 0 : Math.floor((n * 10_000) / d),
  });
  const sellerRate = rate(sellerRuled, base);
  return {
    disputeRate: rate(disputeNumerator, disputeDenominator),
    arbitrationRate: rate(arbitration, base),
    sellerResponsibilityRate: sellerRate,
    warning:
      sellerRate.bp > DEFAULT_POLICY.sellerResponsibilityWarnBp ||
      sellerRuled > DEFAULT_POLICY.sellerResponsibilityWarnCount,
  };
}
