// evolve() folds events into a dispute, refusing impossible streams and broken money invariants, and replaying any stream decide() produced.
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../../test/harness/dispute-world.ts';
import {
  arbitrator,
  buyer,
  DISPUTE,
  evidence,
  orderFacts,
  seller,
  system,
  T0,
} from '../../../test/harness/fixtures.ts';
import type { EvidenceRequestId, MessageId, OfferId } from '../ids.ts';
import { DAY_MS, HOUR_MS, instant } from '../instant.ts';
import { money } from '../money.ts';
import type { DisputeEvent, EventOf } from './events.ts';
import { evolve, fold } from './evolve.ts';
import type { Dispute, OrderFacts } from './state.ts';

const USD = (minor: number) => money(minor, 'USD');
const completed = { completedAt: instant(T0 - DAY_MS) };
const REQUEST = `${DISPUTE}.request` as OfferId;

function openWorld(
  order: Partial<OrderFacts> = {},
  request: { kind: 'refund' | 'return_and_refund'; amount: number } = {
    kind: 'refund',
    amount: 2_000,
  },
): DisputeWorld {
  const w = new DisputeWorld(orderFacts({ ...completed, ...order }));
  w.do(buyer, {
    type: 'open',
    disputeId: DISPUTE,
    order: w.order,
    reason: 'not_as_described',
    request:
      request.kind === 'refund'
        ? { kind: 'refund', amount: USD(request.amount) }
        : { kind: 'return_and_refund', amount: USD(request.amount), postagePaidBy: 'seller' },
    description: 'not as described',
  });
  return w;
}

function openedEvent(order: Partial<OrderFacts> = {}, amount = 1_000): EventOf<'dispute_opened'> {
  return openWorld(order, { kind: 'refund', amount }).events[0] as EventOf<'dispute_opened'>;
}

const by = { at: T0, actor: system } as const;
const refund = (minor: number, source: 'escrow' | 'logistics_compensation' = 'escrow') =>
  ({ ...by, type: 'refund_issued', amount: USD(minor), source }) as const;

/** Every replay of the world's events rebuilds exactly the state the world holds. */
function expectReplays(w: DisputeWorld): void {
  expect(fold(w.events)).toEqual(w.state);
}

describe('evolve refuses impossible event streams', () => {
  it('an event other than dispute_opened before the dispute exists', () => {
    expect(() => evolve(undefined, refund(100))).toThrow('refund_issued before dispute_opened');
    expect(() => evolve(undefined, { ...by, type: 'dispute_finalized' })).toThrow(
      'dispute_finalized before dispute_opened',
    );
  });

  it('dispute_opened on a dispute that exists', () => {
    const e = openedEvent();
    const d = evolve(undefined, e);
    expect(() => evolve(d, e)).toThrow('dispute_opened on an existing dispute');
  });

  it('a return event without a return plan', () => {
    const d = evolve(undefined, openedEvent());
    const shipment = { carrier: 'c', trackingNumber: 't', at: T0 };
    expect(() => evolve(d, { ...by, type: 'return_shipped', shipment, receiptDueAt: T0 })).toThrow(
      'return event without a return plan',
    );
    expect(() =>
      evolve(d, { ...by, type: 'return_label_supplied', label: shipment, shipmentDueAt: T0 }),
    ).toThrow('return event without a return plan');
    expect(() => evolve(d, { ...by, type: 'return_delivered', deliveredAt: T0 })).toThrow(
      'return event without a return plan',
    );
  });

  it('an appeal decided without an appeal, or by someone who is not an arbitrator', () => {
    const d = evolve(undefined, openedEvent());
    const resolution = {
      outcome: 'no_refund',
      refunded: USD(0),
      responsibility: 'buyer',
      how: 'appeal',
      at: T0,
    } as const;
    const decided = { type: 'appeal_decided', decision: 'upheld', resolution } as const;
    expect(() => evolve(d, { ...decided, at: T0, actor: arbitrator })).toThrow(
      'appeal decided without an appeal',
    );
    const appealed = evolve(d, {
      type: 'appeal_filed',
      at: T0,
      actor: seller,
      by: 'seller',
      note: 'n',
      evidenceIds: [],
    });
    expect(() => evolve(appealed, { ...decided, at: T0, actor: seller })).toThrow(
      'appeal decided by a non-arbitrator',
    );
  });
});

describe('evolve asserts the money invariants', () => {
  it('a refund above the amount paid throws', () => {
    const d = evolve(undefined, openedEvent());
    expect(() => evolve(d, refund(2_001, 'logistics_compensation'))).toThrow(
      'refund above the amount paid',
    );
    expect(() => evolve(d, refund(2_001))).toThrow('refund above the amount paid');
  });

  it('refunds add up: the total across events may not exceed what was paid', () => {
    let d = evolve(undefined, openedEvent());
    d = evolve(d, refund(1_500));
    d = evolve(d, refund(500, 'logistics_compensation'));
    expect(d.refunds).toMatchObject({ escrow: 1_500n, logistics_compensation: 500n });
    expect(() => evolve(d, refund(1, 'logistics_compensation'))).toThrow(
      'refund above the amount paid',
    );
  });

  it("earlier disputes' refunds lower the ceiling", () => {
    const d = evolve(undefined, openedEvent({ refundedBefore: USD(800), escrowHeld: USD(1_200) }));
    expect(evolve(d, refund(1_200)).escrowHeldMinor).toBe(0n);
    expect(() => evolve(d, refund(1_201, 'logistics_compensation'))).toThrow(
      'refund above the amount paid',
    );
  });

  it('a zero or negative refund throws', () => {
    const d = evolve(undefined, openedEvent());
    expect(() => evolve(d, refund(0))).toThrow('refund must be positive');
    expect(() => evolve(d, refund(-5))).toThrow('refund must be positive');
  });

  it('escrow below zero throws, from a refund or a release', () => {
    const d = evolve(undefined, openedEvent({ escrowHeld: USD(500) }));
    expect(d.escrowHeldMinor).toBe(500n);
    expect(() => evolve(d, refund(501))).toThrow('escrow below zero');
    expect(() => evolve(d, { ...by, type: 'funds_released', amount: USD(501) })).toThrow(
      'escrow below zero',
    );
    const released = evolve(d, { ...by, type: 'funds_released', amount: USD(500) });
    expect(released).toMatchObject({ escrowHeldMinor: 0n, releasedMinor: 500n });
  });

  it('refunds from outside escrow leave escrow alone', () => {
    const d = evolve(undefined, openedEvent({ escrowHeld: USD(0) }));
    const after = evolve(d, refund(2_000, 'logistics_compensation'));
    expect(after.escrowHeldMinor).toBe(0n);
    expect(after.refunds.logistics_compensation).toBe(2_000n);
  });

  it('a refused event leaves the previous state untouched', () => {
    const d = evolve(undefined, openedEvent());
    const snapshot = structuredClone(d);
    expect(() => evolve(d, refund(5_000))).toThrow();
    evolve(d, refund(100));
    expect(d).toEqual(snapshot);
  });
});

describe('fold', () => {
  it('of no events is undefined', () => {
    expect(fold([])).toBeUndefined();
  });

  it('of the opening event is a fresh negotiating dispute', () => {
    const e = openedEvent();
    const d = fold([e]) as Dispute;
    expect(d).toMatchObject({
      id: DISPUTE,
      status: 'negotiating',
      requestOfferId: REQUEST,
      final: false,
      orderCompleted: true,
      escrowHeldMinor: 2_000n,
      sellerResponseDueAt: T0 + 5 * DAY_MS,
      negotiationDueAt: T0 + 5 * DAY_MS,
    });
    expect(d.offers).toEqual([e.request]);
    expect(d).not.toHaveProperty('subReason');
  });

  it('throws on the first impossible event of a stream', () => {
    const events: DisputeEvent[] = [openedEvent(), refund(2_000), refund(1)];
    expect(() => fold(events)).toThrow('refund above the amount paid');
  });
});

describe('replaying streams that decide() produced', () => {
  it('offers: a new offer supersedes the same side’s open one; the seller responds once', () => {
    const w = openWorld();
    w.advance(HOUR_MS);
    w.do(seller, {
      type: 'propose_offer',
      offerId: 'o1' as OfferId,
      terms: { kind: 'refund', amount: USD(300) },
      note: '',
    });
    const respondedAt = w.clock.now();
    w.advance(HOUR_MS);
    w.do(seller, {
      type: 'propose_offer',
      offerId: 'o2' as OfferId,
      terms: { kind: 'refund', amount: USD(500) },
      note: '',
    });
    w.do(buyer, { type: 'reject_offer', offerId: 'o2' as OfferId, reason: 'too low' });
    expect(w.dispute.offers.map((o) => [o.id, o.status])).toEqual([
      [REQUEST, 'open'],
      ['o1', 'superseded'],
      ['o2', 'rejected'],
    ]);
    expect(w.dispute.sellerRespondedAt).toBe(respondedAt);
    expectReplays(w);
  });

  it('a replacement that arrives resolves the dispute', () => {
    const w = openWorld();
    w.do(seller, {
      type: 'reject_offer',
      offerId: REQUEST,
      reason: 'we will reship',
      counter: { offerId: 'rep' as OfferId, terms: { kind: 'replacement' }, note: '' },
    });
    w.do(buyer, { type: 'accept_offer', offerId: 'rep' as OfferId });
    expect(w.dispute.status).toBe('awaiting_replacement');
    expect(w.dispute.stageDueAt).toBe(T0 + 20 * DAY_MS);
    expect(w.dispute.offers.every((o) => o.status !== 'open')).toBe(true);
    w.refuse(
      system,
      { type: 'record_replacement_delivered', deliveredAt: T0 },
      'dispute.wrong_state',
    );
    w.do(seller, { type: 'ship_replacement', carrier: 'Cainiao', trackingNumber: 'LP1' });
    expect(w.dispute.replacement?.shipment?.trackingNumber).toBe('LP1');
    w.advance(6 * DAY_MS);
    w.do(system, { type: 'record_replacement_delivered', deliveredAt: w.clock.now() });
    expect(w.dispute).toMatchObject({ status: 'resolved', final: true });
    expect(w.dispute.resolution).toMatchObject({ outcome: 'replacement', how: 'negotiation' });
    expect(w.dispute).not.toHaveProperty('stageDueAt');
    expect(w.balance(`seller_balance:${w.order.sellerId}`)).toBe(2_000n);
    expectReplays(w);
  });

  it('a replacement that never arrives returns the dispute to negotiation with a fresh window', () => {
    const w = openWorld();
    w.do(seller, {
      type: 'propose_offer',
      offerId: 'rep' as OfferId,
      terms: { kind: 'replacement' },
      note: '',
    });
    w.do(buyer, { type: 'accept_offer', offerId: 'rep' as OfferId });
    w.advance(20 * DAY_MS);
    expect(w.dispute.status).toBe('negotiating');
    expect(w.dispute.negotiationDueAt).toBe(w.clock.now() + 5 * DAY_MS);
    expect(w.dispute).not.toHaveProperty('stageDueAt');
    expect(w.eventTypes()).toContain('replacement_lapsed');
    expectReplays(w);
  });

  it('evidence requests lapse, messages are posted, the order completes later', () => {
    const w = openWorld({ completedAt: undefined } as never);
    expect(w.dispute.orderCompleted).toBe(false);
    w.do(seller, {
      type: 'request_evidence',
      requestId: 'req' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['item_photo'],
      note: '',
    });
    w.do(buyer, {
      type: 'post_message',
      messageId: 'm1' as MessageId,
      body: 'will do',
      arbitratorOnly: false,
    });
    w.advance(3 * DAY_MS);
    expect(w.dispute.evidenceRequests[0]?.status).toBe('lapsed');
    expect(w.dispute.messages.map((m) => m.body)).toEqual(['will do']);
    w.do(seller, { type: 'accept_offer', offerId: REQUEST });
    expect(w.dispute.status).toBe('resolved');
    expect(w.balance(`seller_balance:${w.order.sellerId}`)).toBe(0n); // not completed: held
    w.do(system, { type: 'record_order_completed', completedAt: w.clock.now() });
    expect(w.dispute.orderCompleted).toBe(true);
    expect(w.dispute.releasedMinor).toBe(0n); // the whole amount was refunded
    expectReplays(w);
  });

  it('a withdrawn escalation resumes negotiation with the time it had left', () => {
    const w = openWorld();
    w.advance(2 * DAY_MS);
    w.do(seller, { type: 'escalate', note: '' });
    expect(w.dispute.sellerRespondedAt).toBe(w.clock.now()); // escalating is a response
    expect(w.dispute.escalation?.resume).toEqual({
      status: 'negotiating',
      remainingMs: 3 * DAY_MS,
    });
    w.advance(DAY_MS);
    w.do(seller, { type: 'withdraw_escalation' });
    expect(w.dispute.status).toBe('negotiating');
    expect(w.dispute).not.toHaveProperty('escalation');
    expect(w.dispute.negotiationDueAt).toBe(w.clock.now() + 3 * DAY_MS);
    expectReplays(w);
  });

  it('a not-received dispute keeps its sub-reason', () => {
    const w = new DisputeWorld(orderFacts({ deliveredAt: undefined } as never));
    w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order: w.order,
      reason: 'not_received',
      subReason: 'held_by_customs',
      request: { kind: 'refund', amount: USD(2_000) },
      description: 'stuck at customs',
    });
    expect(w.dispute.subReason).toBe('held_by_customs');
    expectReplays(w);
  });

  it('a ruled refund with an appeal replays to the same final state', () => {
    const w = openWorld();
    w.do(seller, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(1_000) },
        responsibility: 'seller',
        reasonCode: 'r',
        note: '',
      },
    });
    expect(w.dispute.appealDueAt).toBe(T0 + 7 * DAY_MS);
    const proof = evidence({ kind: 'document', mediaType: 'application/pdf' });
    w.do(buyer, { type: 'add_evidence', evidence: proof });
    w.do(buyer, { type: 'appeal', note: 'the rest too', evidenceIds: [proof.id] });
    expect(w.dispute.status).toBe('appealed');
    expectReplays(w);
  });
});
