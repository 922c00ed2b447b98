// The public shape of a seller standing change: the outbox payload (seller-standing.ts) keeps
// epoch milliseconds, the public event says ISO 8601, and names only what the schema documents.
import { instant, isoString, type Rate } from '../../domain/index.ts';

interface Threshold {
  readonly rateBp: number;
  readonly count: number;
  readonly tier: string;
}

/** The outbox payload as seller-standing.ts writes it. */
interface StandingPayload {
  readonly sellerId: string;
  readonly at: number;
  readonly previousLevel: string;
  readonly level: string;
  readonly tier: string | null;
  readonly direction: string;
  readonly metrics: {
    readonly disputeRate: Rate;
    readonly arbitrationRate: Rate;
    readonly sellerResponsibilityRate: Rate;
  };
  readonly thresholds: { readonly warn: Threshold; readonly restrict: Threshold };
  readonly windowDays: number;
  readonly disputes: readonly {
    readonly disputeId: string;
    readonly orderId: string;
    readonly responsibility: string;
    readonly channel: string;
    readonly ruledAt: number;
  }[];
}

const rate = (r: Rate) => ({ numerator: r.numerator, denominator: r.denominator, bp: r.bp });
const threshold = (t: Threshold) => ({ rateBp: t.rateBp, count: t.count, tier: t.tier });

export function sellerStandingData(payload: unknown): Record<string, unknown> {
  const p = payload as StandingPayload;
  return {
    sellerId: p.sellerId,
    at: isoString(instant(p.at)),
    previousLevel: p.previousLevel,
    level: p.level,
    tier: p.tier,
    direction: p.direction,
    metrics: {
      disputeRate: rate(p.metrics.disputeRate),
      arbitrationRate: rate(p.metrics.arbitrationRate),
      sellerResponsibilityRate: rate(p.metrics.sellerResponsibilityRate),
    },
    thresholds: { warn: threshold(p.thresholds.warn), restrict: threshold(p.thresholds.restrict) },
    windowDays: p.windowDays,
    disputes: p.disputes.map((d) => ({
      disputeId: d.disputeId,
      orderId: d.orderId,
      responsibility: d.responsibility,
      channel: d.channel,
      ruledAt: isoString(instant(d.ruledAt)),
    })),
  };
}
