// Bad commands are refused with their stable code and change nothing; every code in the
// catalogue is produced by at least one case here, so none is dead or untested.
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../../test/harness/dispute-world.ts';
import {
  arbitrator,
  arbitrator2,
  buyer,
  DISPUTE,
  evidence,
  orderFacts,
  seller,
  strangerBuyer,
  system,
  T0,
  twoLineOrder,
} from '../../../test/harness/fixtures.ts';
import { IN_STATUS } from '../../../test/harness/in-status.ts';
import {
  type Actor,
  DAY_MS,
  type DisputeCommand,
  type DisputeId,
  type EvidenceId,
  type EvidenceRequestId,
  HOUR_MS,
  instant,
  type MessageId,
  money,
  type OfferId,
  REJECTION_CODES,
  type RejectionCode,
  resolvePolicy,
} from '../index.ts';

const USD = (minor: number) => money(minor, 'USD');
const REQUEST = `${DISPUTE}.request` as OfferId;
const completed = orderFacts({ completedAt: instant(T0 - DAY_MS) });

function openWith(
  command: Partial<Extract<DisputeCommand, { type: 'open' }>> = {},
  order = completed,
): DisputeCommand {
  return {
    type: 'open',
    disputeId: DISPUTE,
    order,
    reason: 'damaged',
    request: { kind: 'refund', amount: USD(1_000) },
    description: 'broken',
    ...command,
  };
}

function opened(order = completed): DisputeWorld {
  const w = new DisputeWorld(order);
  w.do(buyer, openWith({}, order));
  return w;
}

function responded(): DisputeWorld {
  const w = opened();
  w.do(seller, {
    type: 'reject_offer',
    offerId: REQUEST,
    reason: 'no',
    counter: { offerId: 'o1' as OfferId, terms: { kind: 'refund', amount: USD(100) }, note: '' },
  });
  return w;
}

interface Case {
  readonly name: string;
  readonly given: () => DisputeWorld;
  readonly actor: Actor;
  readonly command: (w: DisputeWorld) => DisputeCommand;
  readonly code: RejectionCode;
}

const fresh = () => new DisputeWorld(completed);
const integration: Actor = { role: 'integration', id: 'key-1' };
const REFUND_1 = `${DISPUTE}:refund:1`;
const cases: Case[] = [
  {
    name: 'a command on an unknown dispute',
    given: fresh,
    actor: seller,
    command: () => ({ type: 'accept_offer', offerId: REQUEST }),
    code: 'dispute.not_found',
  },
  {
    name: 'opening an id twice',
    given: opened,
    actor: buyer,
    command: () => openWith({ disputeId: DISPUTE as DisputeId }),
    code: 'dispute.already_exists',
  },
  {
    name: 'the wrong state',
    given: opened,
    actor: seller,
    command: () => ({ type: 'confirm_receipt' }),
    code: 'dispute.wrong_state',
  },
  {
    name: 'cancel after the ruling',
    given: () => ruledReturn(),
    actor: buyer,
    command: () => ({ type: 'cancel', reason: '' }),
    code: 'dispute.already_ruled',
  },
  {
    name: 'another buyer',
    given: opened,
    actor: strangerBuyer,
    command: () => ({ type: 'cancel', reason: '' }),
    code: 'actor.not_party',
  },
  {
    name: 'another buyer opening on this order',
    given: fresh,
    actor: strangerBuyer,
    command: () => openWith(),
    code: 'actor.not_party',
  },
  {
    name: 'a seller opening',
    given: fresh,
    actor: seller,
    command: () => openWith(),
    code: 'actor.role_not_allowed',
  },
  {
    name: 'a seller cancelling',
    given: opened,
    actor: seller,
    command: () => ({ type: 'cancel', reason: '' }),
    code: 'actor.role_not_allowed',
  },
  {
    name: 'an empty description',
    given: fresh,
    actor: buyer,
    command: () => openWith({ description: '   ' }),
    code: 'input.invalid',
  },
  {
    name: 'control characters',
    given: opened,
    actor: buyer,
    command: () => ({
      type: 'post_message',
      messageId: 'm' as MessageId,
      body: 'hi\u0007',
      arbitratorOnly: false,
    }),
    code: 'input.invalid',
  },
  {
    name: 'a text over its limit',
    given: opened,
    actor: buyer,
    command: () => ({
      type: 'post_message',
      messageId: 'm' as MessageId,
      body: 'x'.repeat(4_001),
      arbitratorOnly: false,
    }),
    code: 'input.invalid',
  },
  {
    name: 'a sub-reason on another reason',
    given: fresh,
    actor: buyer,
    command: () => openWith({ subReason: 'held_by_customs' }),
    code: 'input.invalid',
  },
  {
    name: 'not received before the window opens',
    given: () =>
      new DisputeWorld(
        orderFacts({ shippedAt: instant(T0 - 2 * DAY_MS), deliveredAt: undefined as never }),
      ),
    actor: buyer,
    command: (w) => openWith({ reason: 'not_received', order: w.order }),
    code: 'open.too_early',
  },
  {
    name: 'after the window closed',
    given: () => new DisputeWorld(orderFacts({ completedAt: instant(T0 - 15 * DAY_MS) })),
    actor: buyer,
    command: (w) => openWith({ order: w.order }),
    code: 'open.too_late',
  },
  {
    name: 'damaged before delivery',
    given: () => new DisputeWorld(orderFacts({ deliveredAt: undefined as never })),
    actor: buyer,
    command: (w) => openWith({ order: w.order }),
    code: 'open.not_delivered',
  },
  {
    name: 'requesting a coupon',
    given: fresh,
    actor: buyer,
    command: () =>
      openWith({
        request: {
          kind: 'coupon',
          value: USD(1),
          minSpend: USD(0),
          expiresAt: instant(T0 + DAY_MS),
        } as never,
      }),
    code: 'open.request_kind_invalid',
  },
  {
    name: 'a zero amount',
    given: fresh,
    actor: buyer,
    command: () => openWith({ request: { kind: 'refund', amount: USD(0) } }),
    code: 'money.not_positive',
  },
  {
    name: 'a negative amount',
    given: responded,
    actor: buyer,
    command: () => ({
      type: 'propose_offer',
      offerId: 'b1' as OfferId,
      terms: { kind: 'refund', amount: USD(-5) },
      note: '',
    }),
    code: 'money.not_positive',
  },
  {
    name: 'the wrong currency',
    given: fresh,
    actor: buyer,
    command: () => openWith({ request: { kind: 'refund', amount: money(1_000, 'EUR') } }),
    code: 'money.currency_mismatch',
  },
  {
    name: 'above the refundable amount',
    given: fresh,
    actor: buyer,
    command: () => openWith({ request: { kind: 'refund', amount: USD(2_001) } }),
    code: 'money.exceeds_refundable',
  },
  {
    name: 'above what earlier disputes left',
    given: () =>
      new DisputeWorld(
        orderFacts({ completedAt: instant(T0 - DAY_MS), refundedBefore: USD(1_500) }),
      ),
    actor: buyer,
    command: (w) => openWith({ order: w.order, request: { kind: 'refund', amount: USD(501) } }),
    code: 'money.exceeds_refundable',
  },
  {
    name: 'a ruling above the refundable amount',
    given: () => IN_STATUS.in_arbitration(),
    actor: arbitrator,
    command: () => ({
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(999_999) },
        responsibility: 'seller',
        reasonCode: 'r',
        note: '',
      },
    }),
    code: 'money.exceeds_refundable',
  },
  {
    name: 'accepting an unknown offer',
    given: responded,
    actor: buyer,
    command: () => ({ type: 'accept_offer', offerId: 'nope' as OfferId }),
    code: 'offer.not_found',
  },
  {
    name: 'accepting a superseded offer',
    given: superseded,
    actor: buyer,
    command: () => ({ type: 'accept_offer', offerId: 'o1' as OfferId }),
    code: 'offer.not_open',
  },
  {
    name: 'accepting your own offer',
    given: bothOffered,
    actor: seller,
    command: () => ({ type: 'accept_offer', offerId: 'o1' as OfferId }),
    code: 'offer.own_offer',
  },
  {
    name: 'an offer id reused for other terms',
    given: responded,
    actor: seller,
    command: () => ({
      type: 'propose_offer',
      offerId: 'o1' as OfferId,
      terms: { kind: 'refund', amount: USD(150) },
      note: '',
    }),
    code: 'offer.id_reused',
  },
  {
    name: 'a buyer offering a coupon',
    given: responded,
    actor: buyer,
    command: () => ({
      type: 'propose_offer',
      offerId: 'b1' as OfferId,
      terms: { kind: 'coupon', value: USD(1), minSpend: USD(0), expiresAt: instant(T0 + DAY_MS) },
      note: '',
    }),
    code: 'offer.kind_not_allowed',
  },
  {
    name: 'rejecting the request without a counter-offer',
    given: opened,
    actor: seller,
    command: () => ({ type: 'reject_offer', offerId: REQUEST, reason: 'no' }),
    code: 'offer.counter_required',
  },
  {
    name: 'a buyer counter before the seller responds',
    given: opened,
    actor: buyer,
    command: () => ({
      type: 'propose_offer',
      offerId: 'b1' as OfferId,
      terms: { kind: 'refund', amount: USD(10) },
      note: '',
    }),
    code: 'offer.seller_must_respond_first',
  },
  {
    name: 'more offers than the limit',
    given: () => limited({ offersMax: 2 }),
    actor: seller,
    command: () => ({
      type: 'propose_offer',
      offerId: 'o9' as OfferId,
      terms: { kind: 'refund', amount: USD(10) },
      note: '',
    }),
    code: 'offer.limit_reached',
  },
  {
    name: 'a coupon already expired',
    given: opened,
    actor: seller,
    command: () => ({
      type: 'propose_offer',
      offerId: 'c' as OfferId,
      terms: { kind: 'coupon', value: USD(100), minSpend: USD(0), expiresAt: T0 },
      note: '',
    }),
    code: 'coupon.expiry_in_past',
  },
  {
    name: 'a coupon with a negative minimum spend',
    given: opened,
    actor: seller,
    command: () => ({
      type: 'propose_offer',
      offerId: 'c' as OfferId,
      terms: {
        kind: 'coupon',
        value: USD(100),
        minSpend: USD(-1),
        expiresAt: instant(T0 + DAY_MS),
      },
      note: '',
    }),
    code: 'coupon.min_spend_invalid',
  },
  {
    name: 'confirming findings on unknown evidence',
    given: () => IN_STATUS.in_arbitration(),
    actor: arbitrator,
    command: () => ({ type: 'confirm_findings', evidenceId: 'nope' as EvidenceId, findings: [] }),
    code: 'evidence.not_found',
  },
  {
    name: 'confirming findings on an id two uploaders share, without naming one',
    given: sharedEvidenceId,
    actor: arbitrator,
    command: () => ({
      type: 'confirm_findings',
      evidenceId: 'ev-shared' as EvidenceId,
      findings: [],
    }),
    code: 'evidence.ambiguous',
  },
  {
    name: 'an evidence id reused for another file',
    given: withEvidence,
    actor: buyer,
    command: () => ({ type: 'add_evidence', evidence: evidence({ id: 'ev-fixed' as EvidenceId }) }),
    code: 'evidence.id_reused',
  },
  {
    name: 'more evidence than the limit',
    given: () => limited({ evidenceMax: 0 }),
    actor: buyer,
    command: () => ({ type: 'add_evidence', evidence: evidence() }),
    code: 'evidence.limit_reached',
  },
  {
    name: 'a bad sha256',
    given: opened,
    actor: buyer,
    command: () => ({ type: 'add_evidence', evidence: evidence({ sha256: 'abc' }) }),
    code: 'input.invalid',
  },
  {
    name: 'an executable media type',
    given: opened,
    actor: buyer,
    command: () => ({
      type: 'add_evidence',
      evidence: evidence({ mediaType: 'application/x-msdownload' }),
    }),
    code: 'input.invalid',
  },
  {
    name: 'more evidence requests than the limit',
    given: () => limited({ evidenceRequestsMax: 0 }),
    actor: seller,
    command: () => ({
      type: 'request_evidence',
      requestId: 'r' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['item_photo'],
      note: '',
    }),
    code: 'evidence.request_limit_reached',
  },
  {
    name: 'an evidence request due in the past',
    given: opened,
    actor: seller,
    command: (w) => ({
      type: 'request_evidence',
      requestId: 'r' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['item_photo'],
      note: '',
      dueAt: w.clock.now(),
    }),
    code: 'evidence.due_in_past',
  },
  {
    name: 'asking yourself for evidence',
    given: opened,
    actor: seller,
    command: () => ({
      type: 'request_evidence',
      requestId: 'r' as EvidenceRequestId,
      from: 'seller',
      kinds: ['item_photo'],
      note: '',
    }),
    code: 'input.invalid',
  },
  {
    name: 'a message id reused',
    given: withMessage,
    actor: buyer,
    command: () => ({
      type: 'post_message',
      messageId: 'm1' as MessageId,
      body: 'different',
      arbitratorOnly: false,
    }),
    code: 'message.id_reused',
  },
  {
    name: 'a message attaching a file the sender did not upload',
    given: () => {
      const w = opened();
      w.do(seller, { type: 'add_evidence', evidence: evidence({ id: 'sev' as EvidenceId }) });
      return w;
    },
    actor: buyer,
    command: () => ({
      type: 'post_message',
      messageId: 'm-att' as MessageId,
      body: 'see the photo',
      arbitratorOnly: false,
      attachments: ['sev' as EvidenceId],
    }),
    code: 'message.attachment_not_found',
  },
  {
    name: 'a dispute naming a line the order does not have',
    given: () => new DisputeWorld(twoLineOrder()),
    actor: buyer,
    command: () => openWith({ order: twoLineOrder(), lines: [{ lineId: 'x', quantity: 1 }] }),
    code: 'open.line_unknown',
  },
  {
    name: 'a dispute naming more units than the line holds',
    given: () => new DisputeWorld(twoLineOrder()),
    actor: buyer,
    command: () => openWith({ order: twoLineOrder(), lines: [{ lineId: 'm', quantity: 3 }] }),
    code: 'open.line_quantity_invalid',
  },
  {
    name: 'a dispute on a line another open dispute holds',
    given: () => new DisputeWorld(twoLineOrder()),
    actor: buyer,
    command: () => {
      const order = twoLineOrder();
      const held = (order.lines ?? []).map((l) =>
        l.lineId === 't' ? { ...l, openDisputeId: 'dsp-0' as DisputeId } : l,
      );
      return openWith({ order: { ...order, lines: held }, lines: [{ lineId: 't', quantity: 1 }] });
    },
    code: 'dispute.line_in_open_dispute',
  },
  {
    name: 'more messages than the limit',
    given: () => limited({ messagesMax: 0 }),
    actor: buyer,
    command: () => ({
      type: 'post_message',
      messageId: 'm' as MessageId,
      body: 'hi',
      arbitratorOnly: false,
    }),
    code: 'message.limit_reached',
  },
  {
    name: 'a buyer escalating before the seller responds',
    given: opened,
    actor: buyer,
    command: () => ({ type: 'escalate', note: '' }),
    code: 'escalation.not_yet_allowed',
  },
  {
    name: 'withdrawing the other side’s escalation',
    given: () => IN_STATUS.in_arbitration(),
    actor: seller,
    command: () => ({ type: 'withdraw_escalation' }),
    code: 'escalation.not_yours',
  },
  {
    name: 'withdrawing after the ruling',
    given: () => IN_STATUS.resolved(),
    actor: buyer,
    command: () => ({ type: 'withdraw_escalation' }),
    code: 'dispute.already_ruled',
  },
  {
    name: 'a goods problem before the return arrived',
    given: () => IN_STATUS.return_in_transit(),
    actor: seller,
    command: () => ({ type: 'escalate', note: '', goodsProblem: 'damaged' }),
    code: 'return.goods_not_arrived',
  },
  {
    name: 'no goods problem once the return arrived',
    given: returnDelivered,
    actor: seller,
    command: () => ({ type: 'escalate', note: '' }),
    code: 'return.goods_problem_required',
  },
  {
    name: 'a label file that is not the seller’s return_label evidence',
    given: IN_STATUS.awaiting_return_label,
    actor: seller,
    command: () => ({
      type: 'supply_return_label',
      carrier: 'c',
      trackingNumber: 't',
      labelEvidenceId: 'no-such-file' as EvidenceId,
    }),
    code: 'return.label_not_found',
  },
  {
    name: 'a party offering platform-paid return postage',
    given: opened,
    actor: seller,
    command: () => ({
      type: 'reject_offer',
      offerId: REQUEST,
      reason: 'return it',
      counter: {
        offerId: 'o-platform' as OfferId,
        terms: { kind: 'return_and_refund', amount: USD(500), postagePaidBy: 'platform' },
        note: '',
      },
    }),
    code: 'return.postage_payer_not_allowed',
  },
  {
    name: 'a result for a refund the dispute does not owe',
    given: agreed,
    actor: integration,
    command: () => ({
      type: 'record_refund_result',
      refundId: `${DISPUTE}:refund:9`,
      result: 'succeeded',
    }),
    code: 'refund.not_found',
  },
  {
    name: 'a second success for the same refund',
    given: () => {
      const w = agreed();
      w.do(integration, { type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' });
      return w;
    },
    actor: integration,
    command: () => ({ type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' }),
    code: 'refund.already_succeeded',
  },
  {
    name: 'a success after the refund failed for good',
    given: refundFailedForGood,
    actor: integration,
    command: () => ({ type: 'record_refund_result', refundId: REFUND_1, result: 'succeeded' }),
    code: 'refund.already_failed',
  },
  {
    name: 'a second failure before the retry was asked for',
    given: () => {
      const w = agreed();
      w.do(integration, { type: 'record_refund_result', refundId: REFUND_1, result: 'failed' });
      return w;
    },
    actor: integration,
    command: () => ({ type: 'record_refund_result', refundId: REFUND_1, result: 'failed' }),
    code: 'refund.not_pending',
  },
  {
    name: 'a goods problem outside the return stage',
    given: opened,
    actor: seller,
    command: () => ({ type: 'escalate', note: '', goodsProblem: 'damaged' }),
    code: 'input.invalid',
  },
  {
    name: 'a refund with buyer responsibility',
    given: () => IN_STATUS.in_arbitration(),
    actor: arbitrator,
    command: () => ({
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(10) },
        responsibility: 'buyer',
        reasonCode: 'r',
        note: '',
      },
    }),
    code: 'ruling.refund_with_buyer_responsibility',
  },
  {
    name: 'deciding an appeal of your own ruling',
    given: () => IN_STATUS.appealed(),
    actor: arbitrator2,
    command: () => ({ type: 'decide_appeal', decision: 'upheld' }),
    code: 'ruling.own_ruling',
  },
  {
    name: 'an appeal after the window',
    given: () => {
      const w = IN_STATUS.resolved();
      w.advance(7 * DAY_MS);
      return w;
    },
    actor: buyer,
    command: () => ({ type: 'appeal', note: 'late', evidenceIds: [] }),
    code: 'appeal.window_closed',
  },
  {
    name: 'a second appeal',
    given: appealedThenDecided,
    actor: buyer,
    command: () => ({ type: 'appeal', note: 'again', evidenceIds: [] }),
    code: 'appeal.already_used',
  },
  {
    name: 'an appeal without new evidence',
    given: () => IN_STATUS.resolved(),
    actor: buyer,
    command: () => ({ type: 'appeal', note: 'unfair', evidenceIds: [] }),
    code: 'appeal.new_evidence_required',
  },
  {
    name: 'appealing an agreement',
    given: agreed,
    actor: buyer,
    command: () => ({ type: 'appeal', note: 'x', evidenceIds: [] }),
    code: 'appeal.no_ruling',
  },
  {
    name: 'overturning without a new ruling',
    given: () => IN_STATUS.appealed(),
    actor: arbitrator,
    command: () => ({ type: 'decide_appeal', decision: 'overturned' }),
    code: 'appeal.ruling_required',
  },
  {
    name: 'an appeal decision that starts a return',
    given: () => IN_STATUS.appealed(),
    actor: arbitrator,
    command: () => ({
      type: 'decide_appeal',
      decision: 'overturned',
      ruling: {
        outcome: { kind: 'return_and_refund', amount: USD(10), postagePaidBy: 'seller' },
        responsibility: 'seller',
        reasonCode: 'r',
        note: '',
      },
    }),
    code: 'input.invalid',
  },
  {
    name: 'a deadline before its time',
    given: opened,
    actor: system,
    command: () => ({ type: 'fire_deadline', deadline: 'seller_response' }),
    code: 'deadline.not_due',
  },
  {
    name: 'a deadline that is not pending',
    given: opened,
    actor: system,
    command: () => ({ type: 'fire_deadline', deadline: 'appeal_window' }),
    code: 'deadline.not_pending',
  },
  {
    name: 'a deadline fired twice',
    given: () => {
      const w = opened();
      w.advance(5 * DAY_MS);
      return w;
    },
    actor: system,
    command: () => ({ type: 'fire_deadline', deadline: 'seller_response' }),
    code: 'deadline.not_pending',
  },
];

function bothOffered(): DisputeWorld {
  const w = responded();
  w.do(buyer, {
    type: 'propose_offer',
    offerId: 'b1' as OfferId,
    terms: { kind: 'refund', amount: USD(800) },
    note: '',
  });
  return w;
}
function superseded(): DisputeWorld {
  const w = responded();
  w.do(seller, {
    type: 'propose_offer',
    offerId: 'o2' as OfferId,
    terms: { kind: 'refund', amount: USD(200) },
    note: '',
  });
  return w;
}
function limited(values: Record<string, number>): DisputeWorld {
  const policy = resolvePolicy([{ id: 'p', market: '*', version: 1, values }], completed);
  const w = new DisputeWorld(completed, policy);
  w.do(buyer, openWith());
  if (values.offersMax !== undefined)
    w.do(seller, {
      type: 'propose_offer',
      offerId: 'o1' as OfferId,
      terms: { kind: 'refund', amount: USD(10) },
      note: '',
    });
  return w;
}
function withEvidence(): DisputeWorld {
  const w = opened();
  w.do(buyer, { type: 'add_evidence', evidence: evidence({ id: 'ev-fixed' as EvidenceId }) });
  return w;
}
function sharedEvidenceId(): DisputeWorld {
  const w = IN_STATUS.in_arbitration();
  const id = 'ev-shared' as EvidenceId;
  w.do(buyer, { type: 'add_evidence', evidence: evidence({ id, arbitratorOnly: true }) });
  w.do(seller, { type: 'add_evidence', evidence: evidence({ id }) });
  return w;
}
function withMessage(): DisputeWorld {
  const w = opened();
  w.do(buyer, {
    type: 'post_message',
    messageId: 'm1' as MessageId,
    body: 'hello',
    arbitratorOnly: false,
  });
  return w;
}
function returnDelivered(): DisputeWorld {
  const w = IN_STATUS.return_in_transit();
  w.do(system, { type: 'record_return_delivered', deliveredAt: w.clock.now() });
  return w;
}
function ruledReturn(): DisputeWorld {
  const w = IN_STATUS.in_arbitration();
  w.do(arbitrator, {
    type: 'rule',
    ruling: {
      outcome: { kind: 'return_and_refund', amount: USD(500), postagePaidBy: 'seller' },
      responsibility: 'seller',
      reasonCode: 'r',
      note: '',
    },
  });
  return w;
}
function appealedThenDecided(): DisputeWorld {
  const w = IN_STATUS.appealed();
  w.do(arbitrator, { type: 'decide_appeal', decision: 'upheld' });
  w.clock.advance(HOUR_MS);
  return w;
}
function refundFailedForGood(): DisputeWorld {
  const w = agreed();
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    w.do(integration, { type: 'record_refund_result', refundId: REFUND_1, result: 'failed' });
    w.advance(2 * DAY_MS);
  }
  return w;
}
function agreed(): DisputeWorld {
  const w = responded();
  w.do(buyer, { type: 'accept_offer', offerId: 'o1' as OfferId });
  return w;
}

describe('bad commands', () => {
  it.each(cases)('refuses $name with $code and changes nothing', (c) => {
    const w = c.given();
    w.refuse(c.actor, c.command(w), c.code);
  });

  it('every rejection code in the catalogue is exercised', () => {
    const exercised = new Set(cases.map((c) => c.code));
    expect(REJECTION_CODES.filter((code) => !exercised.has(code))).toEqual([]);
  });

  it('a retried command with the same ids answers with no new events', () => {
    const w = responded();
    const offer: DisputeCommand = {
      type: 'propose_offer',
      offerId: 'o1' as OfferId,
      terms: { kind: 'refund', amount: USD(100) },
      note: '',
    };
    expect(w.do(seller, offer)).toEqual([]);
    const file = evidence();
    w.do(buyer, { type: 'add_evidence', evidence: file });
    expect(w.do(buyer, { type: 'add_evidence', evidence: file })).toEqual([]);
    w.do(buyer, {
      type: 'post_message',
      messageId: 'm' as MessageId,
      body: 'hi',
      arbitratorOnly: false,
    });
    expect(
      w.do(buyer, {
        type: 'post_message',
        messageId: 'm' as MessageId,
        body: 'hi',
        arbitratorOnly: false,
      }),
    ).toEqual([]);
    w.do(seller, {
      type: 'request_evidence',
      requestId: 'q' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['item_photo'],
      note: '',
    });
    expect(
      w.do(seller, {
        type: 'request_evidence',
        requestId: 'q' as EvidenceRequestId,
        from: 'buyer',
        kinds: ['item_photo'],
        note: '',
      }),
    ).toEqual([]);
  });
});
