// A chargeback decided against the seller closes an open dispute (close_by_chargeback): resolved
// by 'chargeback', final, no refund from the dispute, escrow re-based and what is left released;
// a dispute past its ruling or cancelled only takes the hold. Replays fold to the same state.
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../../test/harness/dispute-world.ts';
import {
  arbitrator,
  buyer,
  DISPUTE,
  orderFacts,
  seller,
  system,
  T0,
} from '../../../test/harness/fixtures.ts';
import type { OfferId } from '../ids.ts';
import { DAY_MS, instant } from '../instant.ts';
import { money } from '../money.ts';
import type { DisputeCommand } from './commands.ts';
import { fold } from './evolve.ts';

const USD = (minor: number) => money(minor, 'USD');

function opened(completed = true): DisputeWorld {
  const w = new DisputeWorld(orderFacts(completed ? { completedAt: instant(T0 - DAY_MS) } : {}));
  w.do(buyer, {
    type: 'open',
    disputeId: DISPUTE,
    order: w.order,
    reason: 'damaged',
    request: { kind: 'refund', amount: USD(2_000) },
    description: 'cracked',
  });
  w.do(system, { type: 'record_escrow_hold', frozen: true, chargebackId: 'cb-1' });
  return w;
}

const close = (lostMinor: bigint, over: Partial<DisputeCommand> = {}): DisputeCommand =>
  ({
    type: 'close_by_chargeback',
    chargebackId: 'cb-1',
    outcome: lostMinor < 2_000n ? 'partially_lost' : 'lost',
    amountLostMinor: lostMinor,
    frozen: false,
    escrowHeldMinor: 2_000n - lostMinor,
    chargebacksTakenMinor: lostMinor,
    ...over,
  }) as DisputeCommand;

describe('close_by_chargeback', () => {
  it('closes a negotiating dispute without a refund, final at once', () => {
    const w = opened();
    const events = w.do(system, close(2_000n));
    expect(events.map((e) => e.type)).toEqual(['dispute_closed_by_chargeback', 'dispute_resolved']);
    expect(w.dispute).toMatchObject({
      status: 'resolved',
      final: true,
      escrowFrozen: false,
      escrowHeldMinor: 0n,
      chargebacksTakenMinor: 2_000n,
    });
    expect(w.dispute.resolution).toMatchObject({
      outcome: 'refund',
      how: 'chargeback',
      responsibility: 'none',
      refunded: USD(0),
    });
    expect(w.dispute.appealDueAt).toBeUndefined();
    expect(fold(w.events)).toEqual(w.state);
    // Sent again (a retried sync), it is a hold on a resolved dispute: nothing new.
    expect(w.do(system, close(2_000n))).toEqual([]);
  });

  it('a partial loss releases what the chargeback left to the seller of a completed order', () => {
    const w = opened();
    const events = w.do(system, close(800n));
    expect(events.map((e) => e.type)).toEqual([
      'dispute_closed_by_chargeback',
      'dispute_resolved',
      'funds_released',
    ]);
    expect(events[2]).toMatchObject({ amount: USD(1_200) });
    expect(events.some((e) => e.type === 'refund_issued')).toBe(false);
    expect(w.dispute.escrowHeldMinor).toBe(0n);
    expect(fold(w.events)).toEqual(w.state);
  });

  it('releases nothing while another chargeback of the order still holds the escrow', () => {
    const w = opened();
    const events = w.do(system, close(800n, { frozen: true }));
    expect(events.map((e) => e.type)).toEqual(['dispute_closed_by_chargeback', 'dispute_resolved']);
    expect(w.dispute.escrowFrozen).toBe(true);
    const lifted = w.do(system, {
      type: 'record_escrow_hold',
      frozen: false,
      chargebackId: 'cb-2',
    });
    expect(lifted.map((e) => e.type)).toEqual(['escrow_hold_changed', 'funds_released']);
  });

  it('closes a dispute in arbitration, and one in a return, clearing its countdown', () => {
    const a = opened();
    a.do(seller, { type: 'escalate', note: '' });
    expect(a.dispute.status).toBe('in_arbitration');
    a.do(system, close(2_000n));
    expect(a.dispute.status).toBe('resolved');
    const r = new DisputeWorld(orderFacts({ completedAt: instant(T0 - DAY_MS) }));
    r.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order: r.order,
      reason: 'damaged',
      request: { kind: 'return_and_refund', amount: USD(2_000), postagePaidBy: 'seller' },
      description: 'cracked',
    });
    r.do(seller, { type: 'accept_offer', offerId: `${DISPUTE}.request` as OfferId });
    expect(r.dispute.stageDueAt).toBeDefined();
    r.do(system, close(2_000n, { outcome: 'conceded' }));
    expect(r.dispute.status).toBe('resolved');
    expect(r.dispute.stageDueAt).toBeUndefined();
    expect(fold(r.events)).toEqual(r.state);
  });

  it('a ruled dispute in its appeal window only takes the hold: the ruling stands', () => {
    const w = opened();
    w.do(seller, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'no_refund' },
        responsibility: 'buyer',
        reasonCode: 'r',
        note: '',
      },
    });
    const events = w.do(system, close(500n));
    expect(events.map((e) => e.type)).toEqual(['escrow_hold_changed']);
    expect(w.dispute.resolution?.how).toBe('arbitration');
    expect(w.dispute.chargebacksTakenMinor).toBe(500n);
    expect(w.dispute.final).toBe(false);
  });

  it('a cancelled dispute changes no more', () => {
    const w = opened();
    w.do(buyer, { type: 'cancel', reason: 'the bank refunded me' });
    expect(w.do(system, close(2_000n))).toEqual([]);
  });

  it('only the system sends it', () => {
    const w = opened();
    w.refuse(seller, close(2_000n), 'actor.role_not_allowed');
  });
});
