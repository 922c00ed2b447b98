// Order lines: a dispute covers lines and units, its refunds are capped by them and by the order,
// and events written before lines existed still fold as one line worth the whole order.
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
  twoLineOrder,
} from '../../../test/harness/fixtures.ts';
import {
  DAY_MS,
  type DisputeCommand,
  type DisputeEvent,
  type EvidenceId,
  fold,
  instant,
  lineRefunds,
  type MessageId,
  money,
  type OfferId,
  refundableMinor,
  WHOLE_ORDER_LINE_ID,
} from '../index.ts';

const USD = (minor: number) => money(minor, 'USD');

function openOn(
  lines: Extract<DisputeCommand, { type: 'open' }>['lines'],
  amount: number,
  order = twoLineOrder(),
): DisputeWorld {
  const w = new DisputeWorld(order);
  w.do(buyer, {
    type: 'open',
    disputeId: DISPUTE,
    order,
    reason: 'damaged',
    request: { kind: 'refund', amount: USD(amount) },
    description: 'one mug broke',
    ...(lines === undefined ? {} : { lines }),
  });
  return w;
}

describe('a dispute on some lines', () => {
  it('may request at most the value of the units it names', () => {
    const w = new DisputeWorld(twoLineOrder());
    const open = (amount: number): DisputeCommand => ({
      type: 'open',
      disputeId: DISPUTE,
      order: twoLineOrder(),
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(amount) },
      description: 'one mug broke',
      lines: [{ lineId: 'm', quantity: 1 }],
    });
    w.refuse(buyer, open(501), 'money.exceeds_refundable');
    w.do(buyer, open(500));
    expect(w.dispute.lines).toEqual([{ lineId: 'm', quantity: 1 }]);
    expect(refundableMinor(w.dispute)).toBe(500n);
  });

  it('covers every line when it names none, and records them', () => {
    const w = openOn(undefined, 2_000);
    expect(w.dispute.lines).toEqual([
      { lineId: 'm', quantity: 2 },
      { lineId: 't', quantity: 1 },
    ]);
    expect(refundableMinor(w.dispute)).toBe(2_000n);
  });

  it('caps offers and rulings by its lines', () => {
    const w = openOn([{ lineId: 't', quantity: 1 }], 300);
    const offer = (amount: number): DisputeCommand => ({
      type: 'propose_offer',
      offerId: `o${amount}` as OfferId,
      terms: { kind: 'refund', amount: USD(amount) },
      note: '',
    });
    w.refuse(seller, offer(1_001), 'money.exceeds_refundable');
    w.do(seller, offer(200));
    w.do(seller, { type: 'escalate', note: '' });
    const rule = (amount: number): DisputeCommand => ({
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(amount) },
        responsibility: 'seller',
        reasonCode: 'r',
        note: '',
      },
    });
    w.refuse(arbitrator, rule(1_500), 'money.exceeds_refundable');
    w.do(arbitrator, rule(1_000));
    expect(refundableMinor(w.dispute)).toBe(0n);
  });

  it('leaves out what other disputes refunded on its lines, and learns of later refunds', () => {
    const base = twoLineOrder();
    const order = {
      ...base,
      refundedBefore: USD(400),
      lines: (base.lines ?? []).map((l) =>
        l.lineId === 'm' ? { ...l, refundedBefore: USD(400) } : l,
      ),
    };
    // One mug is worth 500, but only 600 of the mugs' 1 000 is left: both mugs cap at 600.
    const w = openOn([{ lineId: 'm', quantity: 2 }], 600, order);
    expect(refundableMinor(w.dispute)).toBe(600n);
    w.do(
      { role: 'system' },
      {
        type: 'record_escrow_hold',
        frozen: false,
        refundedByOthersMinor: 700n,
        lineRefundsByOthers: [{ lineId: 'm', minor: 700n }],
      },
    );
    expect(refundableMinor(w.dispute)).toBe(300n);
  });

  it('attributes its refunds to lines in the order named, each up to its cap', () => {
    const order = twoLineOrder();
    const named = [
      { lineId: 't', quantity: 1 },
      { lineId: 'm', quantity: 1 },
    ];
    expect([...lineRefunds(order, named, 1_200n)]).toEqual([
      ['t', 1_000n],
      ['m', 200n],
    ]);
  });
});

describe('events written before lines', () => {
  it('fold as one dispute over the whole order', () => {
    const order = orderFacts({ completedAt: instant(T0 - DAY_MS) });
    const w = new DisputeWorld(order);
    const [opened] = w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(2_000) },
      description: 'broken',
    });
    // The event as it was stored before lines: no `lines` in it, none in its order facts.
    const { lines: _none, ...old } = opened as Extract<DisputeEvent, { type: 'dispute_opened' }>;
    const d = fold([old]);
    expect(d?.lines).toBeUndefined();
    expect(d === undefined ? 0n : refundableMinor(d)).toBe(2_000n);
    expect([...lineRefunds(order, undefined, 700n)]).toEqual([[WHOLE_ORDER_LINE_ID, 700n]]);
  });
});

describe('messages with attachments and a translation', () => {
  it('carry the sender’s evidence ids and the translation next to the original text', () => {
    const w = openOn(undefined, 500);
    w.do(buyer, { type: 'add_evidence', evidence: evidence({ id: 'photo' as EvidenceId }) });
    w.do(buyer, {
      type: 'post_message',
      messageId: 'm1' as MessageId,
      body: 'La tazza è rotta',
      arbitratorOnly: false,
      attachments: ['photo' as EvidenceId, 'photo' as EvidenceId],
      translation: { text: 'The mug is broken', language: 'en' },
    });
    expect(w.dispute.messages.at(-1)).toMatchObject({
      body: 'La tazza è rotta',
      attachments: ['photo'],
      translation: { text: 'The mug is broken', language: 'en' },
    });
  });

  it('refuses a translation without a language tag', () => {
    const w = openOn(undefined, 500);
    w.refuse(
      buyer,
      {
        type: 'post_message',
        messageId: 'm1' as MessageId,
        body: 'hi',
        arbitratorOnly: false,
        translation: { text: 'salve', language: 'Italian!' },
      },
      'input.invalid',
    );
  });
});
