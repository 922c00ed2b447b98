// Seller metrics count the right disputes and orders inside the rolling window, with domain.md's exclusions, warnings and impact preview.
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../test/harness/dispute-world.ts';
import {
  arbitrator,
  arbitrator2,
  buyer,
  DISPUTE,
  evidence,
  orderFacts,
  SELLER,
  seller,
  T0,
} from '../../test/harness/fixtures.ts';
import type { DisputeId, OfferId, OrderId } from './ids.ts';
import { DAY_MS, type Instant, instant } from './instant.ts';
import {
  type DisputeSummary,
  impactPreview,
  type MetricsInput,
  type OrderConfirmation,
  sellerMetrics,
  summarize,
  summaryStep,
} from './metrics.ts';
import { money } from './money.ts';
import { DEFAULT_POLICY } from './policy.ts';
import type { ShippingChannel } from './reasons.ts';

const NOW = instant(T0 + 40 * DAY_MS);
const WINDOW = 30 * DAY_MS;
const FROM = instant(NOW - WINDOW);
const inside = (daysAgo: number) => instant(NOW - daysAgo * DAY_MS);
const USD = (minor: number) => money(minor, 'USD');

function confirmation(
  n: number,
  at: Instant = inside(1),
  by: 'buyer' | 'timeout' = 'buyer',
): OrderConfirmation {
  return { orderId: `order-c${n}` as OrderId, sellerId: SELLER, at, by };
}

function confirmations(count: number, at: Instant = inside(1)): OrderConfirmation[] {
  return Array.from({ length: count }, (_, i) => confirmation(i, at));
}

let disputeCounter = 0;
function summary(overrides: Partial<DisputeSummary> = {}): DisputeSummary {
  disputeCounter += 1;
  return {
    disputeId: `d-${disputeCounter}` as DisputeId,
    orderId: `order-d${disputeCounter}` as OrderId,
    sellerId: SELLER,
    channel: 'platform',
    openedAt: inside(5),
    protected: false,
    ...overrides,
  };
}

function ruled(
  responsibility: DisputeSummary['responsibility'],
  overrides: Partial<DisputeSummary> = {},
): DisputeSummary {
  return summary({
    escalatedAt: inside(4),
    resolvedAt: inside(3),
    ruledAt: inside(3),
    ...(responsibility === undefined ? {} : { responsibility }),
    ...overrides,
  });
}

function input(overrides: Partial<MetricsInput> = {}): MetricsInput {
  return {
    confirmations: [],
    disputes: [],
    now: NOW,
    windowMs: WINDOW,
    warnBp: DEFAULT_POLICY.sellerResponsibilityWarnBp,
    warnCount: DEFAULT_POLICY.sellerResponsibilityWarnCount,
    ...overrides,
  };
}

describe('sellerMetrics: the window', () => {
  it('excludes what happened exactly at now - window and includes what happened at now', () => {
    const m = sellerMetrics(
      input({
        confirmations: [confirmation(1, FROM), confirmation(2, NOW), confirmation(3, inside(31))],
        disputes: [summary({ openedAt: FROM }), summary({ openedAt: NOW })],
      }),
    );
    // In the window: confirmation 2 and the dispute opened at now.
    expect(m.disputeRate).toEqual({ numerator: 1, denominator: 2, bp: 5_000 });
  });

  it('counts an order with two disputes on different lines once in the dispute rate, twice in arbitration', () => {
    const orderId = 'order-two-lines' as OrderId;
    const m = sellerMetrics(
      input({
        confirmations: [confirmation(1, inside(3))],
        disputes: [
          summary({ orderId, escalatedAt: inside(2) }),
          summary({ orderId, escalatedAt: inside(1) }),
        ],
      }),
    );
    // Orders: the confirmed one and the disputed one; disputes escalated: both.
    expect(m.disputeRate).toEqual({ numerator: 1, denominator: 2, bp: 5_000 });
    expect(m.arbitrationRate).toEqual({ numerator: 2, denominator: 3, bp: 6_666 });
  });

  it('ignores what happens after now', () => {
    const m = sellerMetrics(
      input({
        confirmations: [confirmation(1, instant(NOW + 1))],
        disputes: [summary({ openedAt: instant(NOW + 1) })],
      }),
    );
    expect(m.disputeRate).toEqual({ numerator: 0, denominator: 0, bp: 0 });
  });

  it('counts escalations, resolutions and rulings by their own dates', () => {
    // Opened before the window, escalated and ruled inside it.
    const old = ruled('seller', { openedAt: inside(45) });
    const m = sellerMetrics(input({ confirmations: confirmations(8), disputes: [old] }));
    expect(m.disputeRate.numerator).toBe(0);
    expect(m.arbitrationRate).toEqual({ numerator: 1, denominator: 10, bp: 1_000 });
    expect(m.sellerResponsibilityRate).toEqual({ numerator: 1, denominator: 10, bp: 1_000 });

    // Ruled exactly at the window's start: out.
    const edge = ruled('seller', { escalatedAt: FROM, resolvedAt: FROM, ruledAt: FROM });
    const e = sellerMetrics(input({ confirmations: confirmations(8), disputes: [edge] }));
    expect(e.arbitrationRate.numerator).toBe(0);
    expect(e.sellerResponsibilityRate).toEqual({ numerator: 0, denominator: 8, bp: 0 });
  });
});

describe('sellerMetrics: dispute rate', () => {
  it('counts distinct orders: a confirmed order that was also disputed counts once', () => {
    const d = summary({ orderId: 'order-c0' as OrderId });
    const m = sellerMetrics(input({ confirmations: confirmations(4), disputes: [d] }));
    expect(m.disputeRate).toEqual({ numerator: 1, denominator: 4, bp: 2_500 });
  });

  it('two disputes on one order count once in numerator and denominator', () => {
    const a = summary({ orderId: 'order-x' as OrderId });
    const b = summary({ orderId: 'order-x' as OrderId, openedAt: inside(2) });
    const m = sellerMetrics(input({ confirmations: confirmations(1), disputes: [a, b] }));
    expect(m.disputeRate).toEqual({ numerator: 1, denominator: 2, bp: 5_000 });
  });

  it('confirmed by the buyer and by timeout both count in the denominator', () => {
    const m = sellerMetrics(
      input({
        confirmations: [confirmation(1, inside(2), 'buyer'), confirmation(2, inside(2), 'timeout')],
        disputes: [summary()],
      }),
    );
    expect(m.disputeRate.denominator).toBe(3);
  });

  it('a buyer-cancelled dispute leaves the numerator but its order stays in the denominator', () => {
    const cancelled = summary({ cancelledByBuyerAt: inside(4) });
    const m = sellerMetrics(input({ confirmations: confirmations(3), disputes: [cancelled] }));
    expect(m.disputeRate).toEqual({ numerator: 0, denominator: 4, bp: 0 });
  });

  it('rounds basis points down', () => {
    const m = sellerMetrics(input({ confirmations: confirmations(2), disputes: [summary()] }));
    expect(m.disputeRate).toEqual({ numerator: 1, denominator: 3, bp: 3_333 });
  });

  it('a zero denominator gives 0 bp and no warning', () => {
    const m = sellerMetrics(input());
    for (const r of [m.disputeRate, m.arbitrationRate, m.sellerResponsibilityRate]) {
      expect(r).toEqual({ numerator: 0, denominator: 0, bp: 0 });
    }
    expect(m.warning).toBe(false);
  });
});

describe('sellerMetrics: exclusions', () => {
  it('protection-handled disputes are left out of every numerator', () => {
    const p = ruled('seller', { protected: true });
    const m = sellerMetrics(input({ confirmations: confirmations(8), disputes: [p] }));
    expect(m.disputeRate.numerator).toBe(0);
    expect(m.arbitrationRate.numerator).toBe(0);
    expect(m.sellerResponsibilityRate.numerator).toBe(0);
    expect(m.disputeRate.denominator).toBe(9);
  });

  it('logistics on the platform channel is left out of every numerator', () => {
    const l = ruled('logistics', { channel: 'platform' });
    const m = sellerMetrics(input({ confirmations: confirmations(8), disputes: [l] }));
    expect(m.disputeRate.numerator).toBe(0);
    expect(m.arbitrationRate.numerator).toBe(0);
    expect(m.sellerResponsibilityRate.numerator).toBe(0);
  });

  it('logistics on the seller channel counts against the seller in every rate (the seller chose the carrier)', () => {
    const l = ruled('logistics', { channel: 'seller' });
    const m = sellerMetrics(input({ confirmations: confirmations(8), disputes: [l] }));
    expect(m.disputeRate.numerator).toBe(1);
    expect(m.arbitrationRate.numerator).toBe(1);
    // domain.md's metrics section: ruled `logistics` on the seller's own channel is the seller's.
    expect(m.sellerResponsibilityRate).toEqual({ numerator: 1, denominator: 10, bp: 1000 });
    expect(m.warning).toBe(true);
  });

  it('responsibilities other than seller do not enter the seller-responsibility rate', () => {
    const m = sellerMetrics(
      input({
        confirmations: confirmations(8),
        disputes: [ruled('buyer'), ruled('none'), ruled('seller')],
      }),
    );
    expect(m.sellerResponsibilityRate.numerator).toBe(1);
    expect(m.arbitrationRate.numerator).toBe(3);
    // 8 confirmations + 3 resolved + 3 escalated.
    expect(m.arbitrationRate.denominator).toBe(14);
  });
});

describe('sellerMetrics: warning', () => {
  it('warns when the seller-responsibility bp exceeds warnBp, not when it equals it', () => {
    // 1 ruling over 98 confirmations + 1 resolved + 1 escalated = 100: exactly 100 bp.
    const at = sellerMetrics(
      input({ confirmations: confirmations(98), disputes: [ruled('seller')] }),
    );
    expect(at.sellerResponsibilityRate).toEqual({ numerator: 1, denominator: 100, bp: 100 });
    expect(at.warning).toBe(false);

    const above = sellerMetrics(
      input({ confirmations: confirmations(97), disputes: [ruled('seller')] }),
    );
    expect(above.sellerResponsibilityRate.bp).toBe(101);
    expect(above.warning).toBe(true);
  });

  it('warns when the count exceeds warnCount, even at a low rate', () => {
    const many = (n: number) =>
      sellerMetrics(
        input({
          confirmations: confirmations(10_000),
          disputes: Array.from({ length: n }, () => ruled('seller')),
        }),
      );
    expect(many(2).sellerResponsibilityRate.bp).toBeLessThanOrEqual(100);
    expect(many(2).warning).toBe(false);
    expect(many(3).warning).toBe(true);
  });

  it('follows the thresholds it is given', () => {
    const m = sellerMetrics(
      input({ confirmations: confirmations(98), disputes: [ruled('seller')], warnBp: 99 }),
    );
    expect(m.warning).toBe(true);
    const c = sellerMetrics(
      input({ confirmations: confirmations(10_000), disputes: [ruled('seller')], warnCount: 0 }),
    );
    expect(c.warning).toBe(true);
  });
});

describe('impactPreview', () => {
  it('shows the open dispute cancelled by the buyer versus ruled against the seller', () => {
    const open = summary({ disputeId: 'open-1' as DisputeId });
    const other = ruled('seller');
    const base = input({ confirmations: confirmations(96), disputes: [open, other] });
    const p = impactPreview(base, 'open-1' as DisputeId);

    expect(p.now).toEqual(sellerMetrics(base));
    expect(p.now.disputeRate).toEqual({ numerator: 2, denominator: 98, bp: 204 });

    expect(p.ifBuyerCancels.disputeRate.numerator).toBe(p.now.disputeRate.numerator - 1);
    expect(p.ifBuyerCancels.disputeRate.denominator).toBe(p.now.disputeRate.denominator);
    expect(p.ifBuyerCancels.sellerResponsibilityRate).toEqual(p.now.sellerResponsibilityRate);

    expect(p.ifRuledAgainstSeller.sellerResponsibilityRate.numerator).toBe(
      p.now.sellerResponsibilityRate.numerator + 1,
    );
    expect(p.ifRuledAgainstSeller.arbitrationRate.numerator).toBe(
      p.now.arbitrationRate.numerator + 1,
    );
    // The ruling escalates and resolves it: both enter the denominator.
    expect(p.ifRuledAgainstSeller.sellerResponsibilityRate.denominator).toBe(
      p.now.sellerResponsibilityRate.denominator + 2,
    );
    expect(p.ifRuledAgainstSeller.disputeRate).toEqual(p.now.disputeRate);
  });

  it('keeps an existing escalation date when previewing a ruling', () => {
    const escalated = summary({ disputeId: 'esc' as DisputeId, escalatedAt: inside(2) });
    const base = input({ confirmations: confirmations(10), disputes: [escalated] });
    const p = impactPreview(base, 'esc' as DisputeId);
    expect(p.ifRuledAgainstSeller.arbitrationRate.numerator).toBe(1);
    expect(p.ifRuledAgainstSeller.arbitrationRate.denominator).toBe(
      p.now.arbitrationRate.denominator + 1,
    );
  });

  it('a logistics ruling on the seller channel already counts now, and a cancellation would lift it', () => {
    const l = ruled('logistics', { disputeId: 'own-carrier' as DisputeId, channel: 'seller' });
    const base = input({ confirmations: confirmations(8), disputes: [l] });
    const p = impactPreview(base, 'own-carrier' as DisputeId);
    expect(p.now.sellerResponsibilityRate.numerator).toBe(1);
    // Ruled against the seller is where it already stands: the preview adds nothing.
    expect(p.ifRuledAgainstSeller.sellerResponsibilityRate).toEqual(p.now.sellerResponsibilityRate);
    expect(p.ifBuyerCancels.sellerResponsibilityRate.numerator).toBe(0);
  });

  it('leaves the other disputes and the input untouched', () => {
    const open = summary({ disputeId: 'open-2' as DisputeId });
    const base = input({ confirmations: confirmations(5), disputes: [open] });
    impactPreview(base, 'open-2' as DisputeId);
    expect(base.disputes[0]).toBe(open);
    expect(open.cancelledByBuyerAt).toBeUndefined();
    expect(impactPreview(base, 'unknown' as DisputeId).ifBuyerCancels).toEqual(sellerMetrics(base));
  });
});

describe('summarize folds real event streams', () => {
  const completed = { completedAt: instant(T0 - DAY_MS) };

  function opened(
    reason: 'damaged' | 'not_as_described' | 'wrong_item' = 'damaged',
    channel: ShippingChannel = 'platform',
    extra: { protectionEnrolled?: boolean; amount?: number } = {},
  ): DisputeWorld {
    const w = new DisputeWorld(
      orderFacts({
        ...completed,
        outboundChannel: channel,
        protectionEnrolled: extra.protectionEnrolled ?? false,
      }),
    );
    w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order: w.order,
      reason,
      request: { kind: 'refund', amount: USD(extra.amount ?? 2_000) },
      description: 'a problem',
    });
    return w;
  }

  function rule(w: DisputeWorld, responsibility: 'seller' | 'logistics' | 'buyer' | 'none') {
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome:
          responsibility === 'buyer'
            ? { kind: 'no_refund' }
            : { kind: 'refund', amount: USD(2_000) },
        responsibility,
        reasonCode: 'test',
        note: '',
      },
    });
  }

  const metricsOf = (w: DisputeWorld) =>
    sellerMetrics(
      input({
        confirmations: confirmations(9, instant(T0 - DAY_MS)),
        disputes: [summarize(w.events) as DisputeSummary],
        now: w.clock.now(),
      }),
    );

  it('an empty stream, or one that never opened, has no summary', () => {
    expect(summarize([])).toBeUndefined();
    const w = opened();
    w.do(seller, { type: 'escalate', note: '' });
    const withoutOpening = w.events.slice(1);
    expect(withoutOpening.map((e) => e.type)).toEqual(['dispute_escalated']);
    expect(summarize(withoutOpening)).toBeUndefined();
  });

  it('an opened dispute is counted at once', () => {
    const w = opened();
    expect(summarize(w.events)).toEqual({
      disputeId: DISPUTE,
      orderId: 'order-1',
      sellerId: SELLER,
      channel: 'platform',
      openedAt: T0,
      protected: false,
    });
    expect(metricsOf(w).disputeRate).toEqual({ numerator: 1, denominator: 10, bp: 1_000 });
  });

  it('a buyer cancellation is recorded and the dispute leaves the numerator', () => {
    const w = opened();
    w.advance(DAY_MS);
    w.do(buyer, { type: 'cancel', reason: 'found it' });
    expect(summarize(w.events)?.cancelledByBuyerAt).toBe(w.clock.now());
    expect(metricsOf(w).disputeRate).toEqual({ numerator: 0, denominator: 10, bp: 0 });
  });

  it('a ruling against the seller records escalation, resolution and responsibility', () => {
    const w = opened();
    w.do(seller, { type: 'escalate', note: '' });
    const escalatedAt = w.clock.now();
    w.advance(DAY_MS);
    rule(w, 'seller');
    const s = summarize(w.events);
    expect(s).toMatchObject({
      escalatedAt,
      resolvedAt: w.clock.now(),
      ruledAt: w.clock.now(),
      responsibility: 'seller',
      protected: false,
    });
    const m = metricsOf(w);
    expect(m.arbitrationRate).toEqual({ numerator: 1, denominator: 11, bp: 909 });
    expect(m.sellerResponsibilityRate).toEqual({ numerator: 1, denominator: 11, bp: 909 });
    expect(m.warning).toBe(true);
  });

  it('a ruling of logistics on the platform channel counts nowhere', () => {
    const w = opened('wrong_item', 'platform');
    w.do(seller, { type: 'escalate', note: '' });
    rule(w, 'logistics');
    const m = metricsOf(w);
    expect(m.disputeRate.numerator).toBe(0);
    expect(m.arbitrationRate.numerator).toBe(0);
    expect(m.sellerResponsibilityRate.numerator).toBe(0);
  });

  it('a ruling of logistics on the seller channel counts against the seller in every rate', () => {
    const w = opened('wrong_item', 'seller');
    w.do(seller, { type: 'escalate', note: '' });
    rule(w, 'logistics');
    const m = metricsOf(w);
    expect(m.disputeRate.numerator).toBe(1);
    expect(m.arbitrationRate.numerator).toBe(1);
    expect(m.sellerResponsibilityRate.numerator).toBe(1);
  });

  it('a withdrawn escalation is not counted as an arbitration', () => {
    const w = opened();
    w.do(seller, { type: 'escalate', note: '' });
    expect(summarize(w.events)?.escalatedAt).toBe(T0);
    w.advance(DAY_MS);
    w.do(seller, { type: 'withdraw_escalation' });
    const s = summarize(w.events);
    expect(s).not.toHaveProperty('escalatedAt');
    expect(metricsOf(w).arbitrationRate.numerator).toBe(0);
  });

  it('a protection-handled dispute is resolved, protected and counted nowhere', () => {
    const w = opened('damaged', 'platform', { protectionEnrolled: true, amount: 1_000 });
    expect(w.dispute.status).toBe('resolved');
    const s = summarize(w.events);
    expect(s).toMatchObject({ protected: true, resolvedAt: T0 });
    expect(s?.ruledAt).toBeUndefined();
    const m = metricsOf(w);
    expect(m.disputeRate).toEqual({ numerator: 0, denominator: 10, bp: 0 });
  });

  it('an accepted coupon withdraws the dispute like a buyer cancellation', () => {
    const w = opened('not_as_described');
    w.do(seller, {
      type: 'reject_offer',
      offerId: `${DISPUTE}.request` as OfferId,
      reason: 'minor',
      counter: {
        offerId: 'c1' as OfferId,
        terms: {
          kind: 'coupon',
          value: USD(300),
          minSpend: USD(0),
          expiresAt: instant(T0 + 30 * DAY_MS),
        },
        note: '',
      },
    });
    w.do(buyer, { type: 'accept_offer', offerId: 'c1' as OfferId });
    expect(summarize(w.events)?.cancelledByBuyerAt).toBe(T0);
    expect(metricsOf(w).disputeRate.numerator).toBe(0);
  });

  it('an agreement resolves without a ruling and still counts in the dispute rate', () => {
    const w = opened('not_as_described');
    w.do(seller, { type: 'accept_offer', offerId: `${DISPUTE}.request` as OfferId });
    const s = summarize(w.events);
    expect(s?.resolvedAt).toBe(T0);
    expect(s?.ruledAt).toBeUndefined();
    expect(s?.responsibility).toBeUndefined();
    expect(metricsOf(w).disputeRate.numerator).toBe(1);
  });

  it('an overturned appeal replaces the responsibility and removes the seller mark', () => {
    const w = opened();
    w.do(seller, { type: 'escalate', note: '' });
    rule(w, 'seller');
    const ruledAt = w.clock.now();
    expect(metricsOf(w).sellerResponsibilityRate.numerator).toBe(1);
    w.advance(DAY_MS);
    const proof = evidence({ kind: 'video', mediaType: 'video/mp4' });
    w.do(seller, { type: 'add_evidence', evidence: proof });
    w.do(seller, { type: 'appeal', note: 'see the video', evidenceIds: [proof.id] });
    w.do(arbitrator2, {
      type: 'decide_appeal',
      decision: 'overturned',
      ruling: {
        outcome: { kind: 'no_refund' },
        responsibility: 'buyer',
        reasonCode: 'v',
        note: '',
      },
    });
    const s = summarize(w.events);
    expect(s?.responsibility).toBe('buyer');
    expect(s?.ruledAt).toBe(ruledAt);
    expect(metricsOf(w).sellerResponsibilityRate.numerator).toBe(0);
  });

  it('an upheld appeal keeps the responsibility', () => {
    const w = opened();
    w.do(seller, { type: 'escalate', note: '' });
    rule(w, 'seller');
    const proof = evidence({ kind: 'video', mediaType: 'video/mp4' });
    w.do(seller, { type: 'add_evidence', evidence: proof });
    w.do(seller, { type: 'appeal', note: 'see the video', evidenceIds: [proof.id] });
    w.do(arbitrator2, { type: 'decide_appeal', decision: 'upheld' });
    expect(summarize(w.events)?.responsibility).toBe('seller');
    expect(metricsOf(w).sellerResponsibilityRate.numerator).toBe(1);
  });

  it('a seller ruling carried out by the confirm-receipt countdown counts against the seller', () => {
    const w = opened();
    w.do(seller, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'return_and_refund', amount: USD(2_000), postagePaidBy: 'seller' },
        responsibility: 'seller',
        reasonCode: 'defective',
        note: '',
      },
    });
    w.do(buyer, { type: 'ship_return', carrier: 'YunExpress', trackingNumber: 'YT1' });
    w.advance(DEFAULT_POLICY.confirmReceiptMs); // the seller stays silent
    expect(w.dispute.resolution).toMatchObject({
      how: 'return_receipt_timeout',
      responsibility: 'seller',
    });
    const summary = summarize(w.events) as DisputeSummary;
    expect(summary.responsibility).toBe('seller');
    // The mark is dated at the ruling, 30 days back: inside a window measured from then.
    const atRuling = sellerMetrics(
      input({
        confirmations: confirmations(9, instant(T0 - DAY_MS)),
        disputes: [summary],
        now: summary.ruledAt as Instant,
      }),
    );
    expect(atRuling.sellerResponsibilityRate.numerator).toBe(1);
  });

  it('summaryStep folds one event at a time to the same result', () => {
    const w = opened();
    w.do(seller, { type: 'escalate', note: '' });
    rule(w, 'none');
    let s: DisputeSummary | undefined;
    for (const e of w.events) s = summaryStep(s, e);
    expect(s).toEqual(summarize(w.events));
  });
});
