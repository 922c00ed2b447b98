// Returns as operators run them (RMA number, address, label file, postage, the condition of what
// came back) and refund execution (owed, paid once, failed, retried, handed to staff), given
// events, when a command, then events and ledger lines. Old events without the new fields fold.
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../../test/harness/dispute-world.ts';
import {
  arbitrator,
  buyer,
  DISPUTE,
  evidence,
  orderFacts,
  seller,
  T0,
} from '../../../test/harness/fixtures.ts';
import {
  type Actor,
  accounts,
  DAY_MS,
  type DisputeEvent,
  decide,
  fold,
  instant,
  money,
  type OfferId,
  REFUND_ATTEMPTS_MAX,
  REFUND_RETRY_MS,
  RETURN_CONDITIONS,
  type ReturnCondition,
  resolvePolicy,
  SYSTEM,
} from '../index.ts';

const USD = (minor: number) => money(minor, 'USD');
const REQUEST = `${DISPUTE}.request` as OfferId;
const REFUND_1 = `${DISPUTE}:refund:1`;
const integration: Actor = { role: 'integration', id: 'key-1' };
const order = orderFacts({ completedAt: instant(T0 - DAY_MS) });
const owed = accounts.buyerRefundsOwed(order.buyerId);
const paid = accounts.buyerRefunds(order.buyerId);

function returnAgreed(
  options: { local?: boolean; postagePaidBy?: 'buyer' | 'seller'; postage?: number } = {},
) {
  const policy = resolvePolicy(
    options.local ? [{ id: 'l', market: '*', version: 1, values: { localReturn: true } }] : [],
    order,
  );
  const w = new DisputeWorld(order, policy);
  w.do(buyer, {
    type: 'open',
    disputeId: DISPUTE,
    order,
    reason: 'damaged',
    request: {
      kind: 'return_and_refund',
      amount: USD(1_000),
      postagePaidBy: options.postagePaidBy ?? 'seller',
      ...(options.postage === undefined ? {} : { postage: USD(options.postage) }),
    },
    description: 'broken',
  });
  w.do(seller, { type: 'accept_offer', offerId: REQUEST });
  return w;
}

function shipped(options: Parameters<typeof returnAgreed>[0] = {}) {
  const w = returnAgreed(options);
  w.do(buyer, { type: 'ship_return', carrier: 'dhl', trackingNumber: 'R1' });
  return w;
}

function refunded() {
  const w = shipped();
  w.do(seller, { type: 'confirm_receipt', condition: 'as_described' });
  return w;
}

describe('returns as operators run them', () => {
  it('numbers each return with an RMA, which the seller may replace with its own, and takes an address', () => {
    const w = returnAgreed();
    expect(w.dispute.returnPlan?.rmaNumber).toBe(`RMA-${DISPUTE}-1`);
    const address = {
      name: 'Returns desk',
      lines: ['Via Roma 1'],
      city: 'Milano',
      postalCode: '20121',
      country: 'IT',
    };
    w.do(seller, { type: 'set_return_details', address, rmaNumber: 'WH-77' });
    expect(w.dispute.returnPlan).toMatchObject({ rmaNumber: 'WH-77', address });
    w.refuse(
      seller,
      { type: 'set_return_details', address: { ...address, country: 'Italy' } },
      'input.invalid',
    );
    w.refuse(seller, { type: 'set_return_details' }, 'input.invalid');
    w.refuse(buyer, { type: 'set_return_details', rmaNumber: 'x' }, 'actor.role_not_allowed');
  });

  it('in a local-return market the seller supplies the label file with the tracking number', () => {
    const w = returnAgreed({ local: true });
    const label = evidence({ kind: 'return_label', mediaType: 'application/pdf' });
    const buyerFile = evidence({ kind: 'return_label', mediaType: 'application/pdf' });
    w.do(buyer, { type: 'add_evidence', evidence: buyerFile });
    w.refuse(
      seller,
      {
        type: 'supply_return_label',
        carrier: 'poste',
        trackingNumber: 'L1',
        labelEvidenceId: buyerFile.id,
      },
      'return.label_not_found',
    );
    w.do(seller, { type: 'add_evidence', evidence: label });
    w.do(seller, {
      type: 'supply_return_label',
      carrier: 'poste',
      trackingNumber: 'L1',
      labelEvidenceId: label.id,
    });
    expect(w.dispute.status).toBe('awaiting_return_shipment');
    expect(w.dispute.returnPlan?.labelEvidenceId).toBe(label.id);
  });

  it('posts the seller’s postage from its balance when the return ships, once', () => {
    const w = shipped({ postagePaidBy: 'seller', postage: 450 });
    expect(w.eventTypes()).toContain('return_postage_paid');
    expect(w.balance(accounts.sellerBalance(order.sellerId))).toBe(-450n);
    expect(w.balance('return_postage_paid')).toBe(450n);
    expect(w.ledgerSums().every((s) => s === 0n)).toBe(true);
  });

  it('posts nothing for postage the buyer pays', () => {
    const w = shipped({ postagePaidBy: 'buyer', postage: 450 });
    expect(w.eventTypes()).not.toContain('return_postage_paid');
    expect(w.balance('return_postage_paid')).toBe(0n);
  });

  it('lets only a ruling put the postage on the platform, and posts it from the platform', () => {
    const w = new DisputeWorld(order);
    w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(1_000) },
      description: 'broken',
    });
    w.do(seller, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: {
          kind: 'return_and_refund',
          amount: USD(1_000),
          postagePaidBy: 'platform',
          postage: USD(300),
        },
        responsibility: 'none',
        reasonCode: 'r',
        note: '',
      },
    });
    w.do(buyer, { type: 'ship_return', carrier: 'dhl', trackingNumber: 'R1' });
    expect(w.balance('platform_return_postage')).toBe(-300n);
    expect(w.balance('return_postage_paid')).toBe(300n);
  });

  it('refunds on receipt as described', () => {
    const w = refunded();
    expect(w.dispute.status).toBe('resolved');
    expect(w.dispute.returnPlan?.condition).toBe('as_described');
    expect(w.balance(owed)).toBe(1_000n);
  });

  const notAsDescribed = RETURN_CONDITIONS.filter(
    (c): c is Exclude<ReturnCondition, 'as_described'> => c !== 'as_described',
  );
  it.each(notAsDescribed.map((c) => [c]))(
    'a return received %s escalates with the fixed reason and the seller’s note, refunding nothing',
    (condition) => {
      const w = shipped();
      w.do(seller, { type: 'confirm_receipt', condition, note: 'see photos' });
      const reasons = {
        wrong_item_returned: 'return_wrong_item',
        damaged: 'return_damaged',
        empty_package: 'return_empty_package',
        missing_parts: 'return_missing_parts',
      };
      expect(w.dispute.status).toBe('in_arbitration');
      expect(w.dispute.escalation).toMatchObject({
        by: 'seller',
        reason: reasons[condition],
        note: 'see photos',
      });
      expect(w.dispute.returnPlan?.condition).toBe(condition);
      expect(w.balance(owed)).toBe(0n);
      // Withdrawn, the countdown resumes; a later receipt as described refunds as usual.
      w.do(seller, { type: 'withdraw_escalation' });
      expect(w.dispute.status).toBe('return_in_transit');
      w.do(seller, { type: 'confirm_receipt' });
      expect(w.balance(owed)).toBe(1_000n);
    },
  );
});

describe('refund execution', () => {
  it('owes the refund until the marketplace reports it paid, then moves it once', () => {
    const w = refunded();
    expect(w.dispute.refundPayments).toEqual([
      expect.objectContaining({ id: REFUND_1, status: 'pending', attempt: 1, amount: USD(1_000) }),
    ]);
    expect(w.balance(paid)).toBe(0n);
    w.do(integration, { type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' });
    expect(w.balance(owed)).toBe(0n);
    expect(w.balance(paid)).toBe(1_000n);
    expect(w.dispute.refundPayments?.[0]?.status).toBe('succeeded');
    w.refuse(
      integration,
      { type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' },
      'refund.already_succeeded',
    );
    w.refuse(
      integration,
      { type: 'record_refund_result', refundId: REFUND_1, result: 'failed' },
      'refund.already_succeeded',
    );
    expect(w.ledgerSums().every((s) => s === 0n)).toBe(true);
  });

  it('one payment for a refund funded from escrow and the seller’s balance together', () => {
    const w = new DisputeWorld(
      orderFacts({ completedAt: instant(T0 - DAY_MS), escrowHeld: USD(600) }),
    );
    w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order: orderFacts({ completedAt: instant(T0 - DAY_MS), escrowHeld: USD(600) }),
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(1_000) },
      description: 'broken',
    });
    w.do(seller, { type: 'accept_offer', offerId: REQUEST });
    expect(w.events.filter((e) => e.type === 'refund_issued')).toHaveLength(2);
    expect(w.dispute.refundPayments).toEqual([
      expect.objectContaining({ id: REFUND_1, amount: USD(1_000) }),
    ]);
  });

  it('asks again after a failure, at most REFUND_ATTEMPTS_MAX times, then hands it to staff', () => {
    const w = refunded();
    for (let attempt = 1; attempt < REFUND_ATTEMPTS_MAX; attempt += 1) {
      w.do(integration, {
        type: 'record_refund_result',
        refundId: REFUND_1,
        result: 'failed',
        failure: 'card closed',
      });
      expect(w.dispute.refundPayments?.[0]).toMatchObject({
        status: 'retry_scheduled',
        attempt,
        lastFailure: 'card closed',
      });
      w.advance(REFUND_RETRY_MS);
      expect(w.dispute.refundPayments?.[0]).toMatchObject({
        status: 'pending',
        attempt: attempt + 1,
      });
    }
    w.do(integration, { type: 'record_refund_result', refundId: REFUND_1, result: 'failed' });
    expect(w.dispute.refundPayments?.[0]?.status).toBe('escalated');
    expect(w.eventTypes().slice(-2)).toEqual(['refund_failed', 'refund_escalated']);
    w.refuse(
      integration,
      { type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' },
      'refund.already_failed',
    );
    // Owed it stays: staff settle it by hand; nothing left due.
    expect(w.balance(owed)).toBe(1_000n);
    w.advance(30 * DAY_MS);
    expect(w.eventTypes().at(-1)).toBe('refund_escalated');
  });

  it('takes a success reported while a retry is scheduled, and then asks for no retry', () => {
    const w = refunded();
    w.do(integration, { type: 'record_refund_result', refundId: REFUND_1, result: 'failed' });
    w.do(integration, { type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' });
    w.advance(2 * REFUND_RETRY_MS);
    expect(w.eventTypes()).not.toContain('refund_retry_requested');
    expect(w.balance(paid)).toBe(1_000n);
  });

  it('only the integration (or the system) reports results', () => {
    const w = refunded();
    w.refuse(
      seller,
      { type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' },
      'actor.role_not_allowed',
    );
    w.do(SYSTEM, { type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' });
  });
});

describe('events written before these features still fold', () => {
  it('a refund without an id was paid at once; a receipt without a condition was as described', () => {
    const w = shipped();
    const before: DisputeEvent[] = [
      ...w.events.map((e) =>
        e.type === 'return_started' ? (({ rmaNumber: _r, ...rest }) => rest)(e) : e,
      ),
      { type: 'return_receipt_confirmed', at: w.clock.now(), actor: seller },
      {
        type: 'refund_issued',
        at: w.clock.now(),
        actor: seller,
        amount: USD(1_000),
        source: 'escrow',
      },
    ];
    const d = fold(before);
    expect(d?.returnPlan?.condition).toBe('as_described');
    expect(d?.returnPlan?.rmaNumber).toBeUndefined();
    expect(d?.refundPayments ?? []).toEqual([]);
    expect(d?.refunds.escrow).toBe(1_000n);
  });

  it('an old snapshot without refund payments or a return count takes new commands', () => {
    const w = shipped();
    const { refundPayments: _p, returnsStarted: _n, ...old } = w.dispute;
    const decision = decide(
      { command: { type: 'confirm_receipt' }, actor: seller },
      old,
      w.clock.now(),
      w.dispute.policy,
    );
    expect(decision.ok && decision.events.find((e) => e.type === 'refund_issued')).toMatchObject({
      refundId: REFUND_1,
    });
  });
});
