// The five scenarios of domain.md, each branch, as given/when/then with a virtual clock.
// Each asserts the status, the money postings (and that the ledger balances) and the metrics.
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../../test/harness/dispute-world.ts';
import {
  arbitrator,
  arbitrator2,
  BUYER,
  buyer,
  DISPUTE,
  evidence,
  orderFacts,
  SELLER,
  seller,
  system,
  T0,
} from '../../../test/harness/fixtures.ts';
import {
  accounts,
  DAY_MS,
  DEFAULT_POLICY,
  type DisputeSummary,
  type EvidenceRequestId,
  HOUR_MS,
  instant,
  money,
  type OfferId,
  type OrderFacts,
  type OrderId,
  resolvePolicy,
  sellerMetrics,
  suggestResponsibility,
  summarize,
  viewerActions,
} from '../index.ts';

const USD = (minor: number) => money(minor, 'USD');
const completed = { completedAt: instant(T0 - DAY_MS) };
const escrow = accounts.escrow('order-1' as OrderId);
const sellerBalance = accounts.sellerBalance(SELLER);
// Refunds are owed to the buyer until the marketplace reports them paid (refund execution).
const buyerRefunds = accounts.buyerRefundsOwed(BUYER);

function openDispute(
  w: DisputeWorld,
  reason: 'wrong_item' | 'damaged' | 'not_received' | 'not_as_described',
  amount = 2_000,
  kind: 'refund' | 'return_and_refund' = 'refund',
) {
  const request =
    kind === 'refund'
      ? { kind, amount: USD(amount) }
      : { kind, amount: USD(amount), postagePaidBy: 'seller' as const };
  w.do(buyer, {
    type: 'open',
    disputeId: DISPUTE,
    order: w.order,
    reason,
    request,
    description: `${reason} problem`,
  });
}

/** The seller's metrics with this dispute and 99 orders confirmed in the window. */
function metricsWith(w: DisputeWorld) {
  const summary = summarize(w.events) as DisputeSummary;
  const confirmations = Array.from({ length: 99 }, (_, i) => ({
    orderId: `other-${i}` as OrderId,
    sellerId: SELLER,
    at: instant(T0 - DAY_MS),
    by: 'buyer' as const,
  }));
  return sellerMetrics({
    confirmations,
    disputes: [summary],
    now: w.clock.now(),
    windowMs: DEFAULT_POLICY.metricsWindowMs,
    warnBp: DEFAULT_POLICY.sellerResponsibilityWarnBp,
    warnCount: DEFAULT_POLICY.sellerResponsibilityWarnCount,
  });
}

function expectBalanced(w: DisputeWorld) {
  for (const sum of w.ledgerSums()) expect(sum).toBe(0n);
  expect(w.balance(escrow)).toBeGreaterThanOrEqual(0n);
}

function escalateAfterSellerCounter(w: DisputeWorld) {
  w.do(seller, {
    type: 'reject_offer',
    offerId: `${DISPUTE}.request` as OfferId,
    reason: 'we shipped the right item',
    counter: {
      offerId: 'o-seller-1' as OfferId,
      terms: { kind: 'refund', amount: USD(200) },
      note: 'goodwill',
    },
  });
  w.do(buyer, { type: 'escalate', note: 'the seller will not refund' });
}

describe('scenario 1: wrong item, platform logistics', () => {
  it('given a relabelled parcel, when the label comparison shows a mismatch, then logistics pays and the seller is not charged', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'wrong_item');
    // The seller asks the buyer to peel back the top waybill and photograph both labels.
    w.do(seller, {
      type: 'request_evidence',
      requestId: 'req-1' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['label_comparison_photo'],
      note: 'peel the top label back',
    });
    expect(viewerActions(w.dispute, buyer, w.clock.now()).dueDates.map((d) => d.kind)).toContain(
      'evidence_request',
    );
    w.advance(HOUR_MS);
    const photo = evidence({ kind: 'label_comparison_photo', findings: ['labels_mismatch'] });
    w.do(buyer, { type: 'add_evidence', evidence: photo });
    expect(w.dispute.evidenceRequests[0]?.status).toBe('fulfilled');
    escalateAfterSellerCounter(w);
    expect(w.dispute.status).toBe('in_arbitration');

    expect(suggestResponsibility(w.dispute).responsibility).toBe('logistics');
    w.do(arbitrator, {
      type: 'confirm_findings',
      evidenceId: photo.id,
      findings: ['labels_mismatch'],
    });
    expect(suggestResponsibility(w.dispute).reasons.join(' ')).toContain(
      'confirmed by the arbitrator',
    );
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(2_000) },
        responsibility: 'logistics',
        reasonCode: 'label_mismatch',
        note: 'warehouse relabelled',
      },
    });

    expect(w.dispute.status).toBe('resolved');
    expect(w.balance('platform_logistics_compensation')).toBe(-2_000n);
    expect(w.balance(buyerRefunds)).toBe(2_000n);
    expect(w.balance(escrow)).toBe(2_000n); // held until the appeal window closes
    w.advance(7 * DAY_MS);
    expect(w.dispute.final).toBe(true);
    expect(w.balance(escrow)).toBe(0n);
    expect(w.balance(sellerBalance)).toBe(2_000n); // the seller is not charged
    expectBalanced(w);

    const m = metricsWith(w);
    expect(m.disputeRate.numerator).toBe(0);
    expect(m.arbitrationRate.numerator).toBe(0);
    expect(m.sellerResponsibilityRate.numerator).toBe(0);
  });
});

describe('scenario 2: damaged, platform logistics', () => {
  function damagedInArbitration(finding: 'packaging_damaged' | 'packaging_intact') {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'damaged', 1_500);
    w.do(seller, {
      type: 'request_evidence',
      requestId: 'req-1' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['outer_packaging_photo'],
      note: 'outer box please',
    });
    const photo = evidence({ kind: 'outer_packaging_photo', findings: [finding] });
    w.do(buyer, { type: 'add_evidence', evidence: photo });
    w.do(seller, { type: 'escalate', note: 'let the platform decide' });
    w.do(arbitrator, { type: 'confirm_findings', evidenceId: photo.id, findings: [finding] });
    return w;
  }

  it('given transit damage on the outer packaging, then logistics is responsible and compensation pays', () => {
    const w = damagedInArbitration('packaging_damaged');
    expect(suggestResponsibility(w.dispute).responsibility).toBe('logistics');
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(1_500) },
        responsibility: 'logistics',
        reasonCode: 'transit_damage',
        note: '',
      },
    });
    w.advance(7 * DAY_MS);
    expect(w.balance('platform_logistics_compensation')).toBe(-1_500n);
    expect(w.balance(sellerBalance)).toBe(2_000n);
    expectBalanced(w);
    expect(metricsWith(w).sellerResponsibilityRate.numerator).toBe(0);
  });

  it('given intact outer packaging, then the seller is responsible and escrow pays', () => {
    const w = damagedInArbitration('packaging_intact');
    expect(suggestResponsibility(w.dispute).responsibility).toBe('seller');
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(1_500) },
        responsibility: 'seller',
        reasonCode: 'packing',
        note: '',
      },
    });
    w.advance(7 * DAY_MS);
    expect(w.balance(buyerRefunds)).toBe(1_500n);
    expect(w.balance(sellerBalance)).toBe(500n);
    expect(w.balance('platform_logistics_compensation')).toBe(0n);
    expectBalanced(w);
    const m = metricsWith(w);
    expect(m.sellerResponsibilityRate.numerator).toBe(1);
    expect(m.disputeRate).toMatchObject({ numerator: 1, denominator: 100, bp: 100 });
  });
});

describe('scenario 3: the return is not arriving', () => {
  function returnInTransit() {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'not_as_described', 2_000, 'return_and_refund');
    w.do(seller, { type: 'accept_offer', offerId: `${DISPUTE}.request` as OfferId });
    expect(w.dispute.status).toBe('awaiting_return_shipment');
    w.do(buyer, { type: 'ship_return', carrier: 'YunExpress', trackingNumber: 'YT123' });
    expect(w.dispute.status).toBe('return_in_transit');
    const view = viewerActions(w.dispute, buyer, w.clock.now());
    expect(view.dueDates[0]).toMatchObject({
      kind: 'confirm_receipt',
      owner: 'seller',
      dueAt: w.clock.now() + 30 * DAY_MS,
    });
    w.advance(10 * DAY_MS);
    // The seller escalates; the system fixes the reason, the seller only writes a note.
    w.do(seller, { type: 'escalate', note: 'nothing has arrived' });
    expect(w.dispute.escalation).toMatchObject({
      reason: 'return_not_received',
      note: 'nothing has arrived',
    });
    return w;
  }

  it('when the goods arrive before the ruling, the seller withdraws and the countdown resumes with its remaining time', () => {
    const w = returnInTransit();
    w.advance(3 * DAY_MS);
    w.do(system, { type: 'record_return_delivered', deliveredAt: w.clock.now() });
    w.do(seller, { type: 'withdraw_escalation' });
    expect(w.dispute.status).toBe('return_in_transit');
    // 30 days, 10 used before escalating: 20 remain from the withdrawal.
    expect(w.dispute.stageDueAt).toBe(w.clock.now() + 20 * DAY_MS);
    w.do(seller, { type: 'confirm_receipt' });
    expect(w.dispute.resolution).toMatchObject({ outcome: 'refund', how: 'negotiation' });
    expect(w.balance(buyerRefunds)).toBe(2_000n);
    expect(w.balance(escrow)).toBe(0n);
    expectBalanced(w);
  });

  it('when it is too late to withdraw, the arbitrator sees the return delivered and refunds the buyer', () => {
    const w = returnInTransit();
    w.do(system, { type: 'record_return_delivered', deliveredAt: w.clock.now() });
    expect(suggestResponsibility(w.dispute)).toMatchObject({ outcome: 'refund' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(2_000) },
        responsibility: 'none',
        reasonCode: 'return_delivered',
        note: 'tracking shows delivered',
      },
    });
    w.refuse(seller, { type: 'withdraw_escalation' }, 'dispute.already_ruled');
    expect(w.balance(buyerRefunds)).toBe(2_000n);
    w.advance(8 * DAY_MS);
    expect(w.balance(sellerBalance)).toBe(0n);
    expectBalanced(w);
  });

  it('when the seller stays silent until the countdown ends, the buyer is refunded automatically', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'not_as_described', 1_200, 'return_and_refund');
    w.do(seller, { type: 'accept_offer', offerId: `${DISPUTE}.request` as OfferId });
    w.do(buyer, { type: 'ship_return', carrier: 'YunExpress', trackingNumber: 'YT9' });
    w.advance(30 * DAY_MS - 1);
    expect(w.dispute.status).toBe('return_in_transit');
    w.advance(1);
    expect(w.dispute.resolution).toMatchObject({
      how: 'return_receipt_timeout',
      outcome: 'refund',
    });
    expect(w.balance(buyerRefunds)).toBe(1_200n);
    expect(w.balance(sellerBalance)).toBe(800n);
    expectBalanced(w);
  });
});

describe('scenario 4: negotiating well', () => {
  it('given a minor issue, a store coupon accepted by the buyer withdraws the dispute and it leaves the dispute rate', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'not_as_described', 300);
    expect(metricsWith(w).disputeRate.numerator).toBe(1); // counted from the moment it opens
    w.do(seller, {
      type: 'request_evidence',
      requestId: 'r1' as EvidenceRequestId,
      from: 'buyer',
      kinds: ['item_photo'],
      note: 'a photo of the scratch?',
    });
    w.do(buyer, { type: 'add_evidence', evidence: evidence({ kind: 'item_photo' }) });
    w.do(seller, {
      type: 'reject_offer',
      offerId: `${DISPUTE}.request` as OfferId,
      reason: 'a small scratch',
      counter: {
        offerId: 'c1' as OfferId,
        terms: {
          kind: 'coupon',
          value: USD(500),
          minSpend: USD(1_000),
          expiresAt: instant(T0 + 90 * DAY_MS),
        },
        note: 'sorry',
      },
    });
    w.do(buyer, { type: 'accept_offer', offerId: 'c1' as OfferId });
    expect(w.dispute.status).toBe('cancelled');
    expect(w.dispute.couponCode).toBe('CPN-c1');
    expect(w.ledger).toHaveLength(1); // coupons move no money: only the capture
    expect(metricsWith(w).disputeRate.numerator).toBe(0);
  });

  it('given a partial refund offer accepted, the dispute resolves by negotiation and still counts', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'not_as_described', 2_000);
    w.do(seller, {
      type: 'reject_offer',
      offerId: `${DISPUTE}.request` as OfferId,
      reason: 'partial is fair',
      counter: { offerId: 'p1' as OfferId, terms: { kind: 'refund', amount: USD(700) }, note: '' },
    });
    w.do(buyer, { type: 'accept_offer', offerId: 'p1' as OfferId });
    expect(w.dispute.resolution).toMatchObject({ how: 'negotiation', outcome: 'refund' });
    expect(w.balance(buyerRefunds)).toBe(700n);
    expect(w.balance(sellerBalance)).toBe(1_300n);
    expectBalanced(w);
    const m = metricsWith(w);
    expect(m.disputeRate.numerator).toBe(1);
    expect(m.arbitrationRate.numerator).toBe(0);
  });

  it('given no agreement within 5 days, the system escalates; a silent seller accepts the request', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'not_as_described', 2_000);
    w.do(seller, {
      type: 'propose_offer',
      offerId: 'o1' as OfferId,
      terms: { kind: 'refund', amount: USD(100) },
      note: '',
    });
    w.advance(5 * DAY_MS - 1);
    expect(w.dispute.status).toBe('negotiating');
    w.advance(1);
    expect(w.dispute.escalation).toMatchObject({
      by: 'system',
      reason: 'negotiation_window_ended',
    });
    expect(metricsWith(w).arbitrationRate.numerator).toBe(1);

    const silent = new DisputeWorld(orderFacts(completed));
    openDispute(silent, 'not_as_described', 900);
    silent.advance(5 * DAY_MS);
    expect(silent.dispute.resolution).toMatchObject({
      how: 'seller_response_timeout',
      outcome: 'refund',
    });
    expect(silent.balance(buyerRefunds)).toBe(900n);
    expectBalanced(silent);
  });

  it('given an agreed return, the buyer who never ships loses the refund and escrow goes to the seller', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'not_as_described', 2_000);
    w.do(seller, {
      type: 'propose_offer',
      offerId: 'r1' as OfferId,
      terms: { kind: 'return_and_refund', amount: USD(2_000), postagePaidBy: 'buyer' },
      note: '',
    });
    w.do(buyer, { type: 'accept_offer', offerId: 'r1' as OfferId });
    w.advance(10 * DAY_MS);
    expect(w.dispute.resolution).toMatchObject({
      how: 'return_shipment_timeout',
      outcome: 'no_refund',
    });
    expect(w.balance(sellerBalance)).toBe(2_000n);
    expectBalanced(w);
  });
});

describe('scenario 5: local returns (Italy)', () => {
  const italy = resolvePolicy(
    [{ id: 'pv-it', market: 'seller:IT', version: 1, values: { localReturn: true } }],
    {
      buyerCountry: 'IT',
      sellerCountry: 'IT',
    },
  );
  const italianOrder: OrderFacts = orderFacts({
    ...completed,
    buyerCountry: 'IT',
    sellerCountry: 'IT',
    paid: money(4_990, 'EUR'),
    escrowHeld: money(4_990, 'EUR'),
    refundedBefore: money(0, 'EUR'),
  });
  const EUR = (minor: number) => money(minor, 'EUR');

  function ruledReturn() {
    const w = new DisputeWorld(italianOrder, italy);
    w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order: italianOrder,
      reason: 'quality_issue' as never,
      request: { kind: 'refund', amount: EUR(4_990) },
      description: 'stopped working',
    });
    w.do(seller, {
      type: 'reject_offer',
      offerId: `${DISPUTE}.request` as OfferId,
      reason: 'works for us',
      counter: { offerId: 'x' as OfferId, terms: { kind: 'refund', amount: EUR(500) }, note: '' },
    });
    w.do(buyer, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'return_and_refund', amount: EUR(4_990), postagePaidBy: 'seller' },
        responsibility: 'seller',
        reasonCode: 'defective',
        note: 'return it',
      },
    });
    expect(w.dispute.status).toBe('awaiting_return_label');
    expect(viewerActions(w.dispute, seller, w.clock.now()).actions).toContain(
      'supply_return_label',
    );
    return w;
  }

  it('when ruled return-and-refund, the seller supplies the return label and the buyer ships with it', () => {
    const w = ruledReturn();
    w.do(seller, {
      type: 'supply_return_label',
      carrier: 'PosteItaliane',
      trackingNumber: 'IT-RET-1',
    });
    expect(w.dispute.status).toBe('awaiting_return_shipment');
    w.do(buyer, { type: 'ship_return', carrier: 'PosteItaliane', trackingNumber: 'IT-RET-1' });
    w.advance(2 * DAY_MS);
    w.do(seller, { type: 'confirm_receipt' });
    expect(w.dispute.resolution).toMatchObject({ how: 'arbitration', responsibility: 'seller' });
    expect(w.balance(buyerRefunds)).toBe(4_990n);
    // A ruling can be appealed: the appeal window is open; then it closes with nothing left to release.
    expect(viewerActions(w.dispute, seller, w.clock.now()).actions).toContain('appeal');
    w.advance(7 * DAY_MS);
    expect(w.dispute.final).toBe(true);
    expectBalanced(w);
  });

  it('when the seller never supplies the label, the buyer is refunded without returning the goods', () => {
    const w = ruledReturn();
    w.advance(5 * DAY_MS);
    expect(w.dispute.resolution).toMatchObject({ how: 'return_label_timeout', outcome: 'refund' });
    expect(w.balance(buyerRefunds)).toBe(4_990n);
    expectBalanced(w);
  });
});

describe('appeals', () => {
  it('a seller who wins an appeal after a refund is reimbursed by the platform and loses the responsibility mark', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'damaged', 2_000);
    w.do(seller, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(2_000) },
        responsibility: 'seller',
        reasonCode: 'damaged',
        note: '',
      },
    });
    expect(metricsWith(w).sellerResponsibilityRate.numerator).toBe(1);
    const proof = evidence({ kind: 'video', mediaType: 'video/mp4' });
    w.do(seller, { type: 'add_evidence', evidence: proof });
    w.do(seller, { type: 'appeal', note: 'packing video', evidenceIds: [proof.id] });
    w.refuse(arbitrator, { type: 'decide_appeal', decision: 'upheld' }, 'ruling.own_ruling');
    w.do(arbitrator2, {
      type: 'decide_appeal',
      decision: 'overturned',
      ruling: {
        outcome: { kind: 'no_refund' },
        responsibility: 'buyer',
        reasonCode: 'video',
        note: '',
      },
    });
    expect(w.balance(buyerRefunds)).toBe(2_000n); // the buyer keeps it
    expect(w.balance('platform_protection_fund')).toBe(-2_000n);
    expect(w.balance(sellerBalance)).toBe(2_000n);
    expect(metricsWith(w).sellerResponsibilityRate.numerator).toBe(0);
    expectBalanced(w);
  });

  it('an appeal moving a paid refund from the seller to the platform carrier reimburses the seller from logistics compensation', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'wrong_item', 2_000);
    w.do(seller, { type: 'escalate', note: '' });
    const sellerRuling = {
      outcome: { kind: 'refund' as const, amount: USD(2_000) },
      responsibility: 'seller' as const,
      reasonCode: 'wrong_item',
      note: '',
    };
    w.do(arbitrator, { type: 'rule', ruling: sellerRuling });
    const proof = evidence({ kind: 'label_comparison_photo' });
    w.do(seller, { type: 'add_evidence', evidence: proof });
    w.do(seller, { type: 'appeal', note: 'the waybill was swapped', evidenceIds: [proof.id] });
    w.do(arbitrator2, {
      type: 'decide_appeal',
      decision: 'overturned',
      ruling: { ...sellerRuling, responsibility: 'logistics', reasonCode: 'swapped_label' },
    });
    expect(w.events.filter((e) => e.type === 'seller_reimbursed')).toMatchObject([
      { amount: USD(2_000), from: 'logistics_compensation' },
    ]);
    expect(w.balance(buyerRefunds)).toBe(2_000n); // the buyer keeps the refund
    expect(w.balance('platform_logistics_compensation')).toBe(-2_000n);
    expect(w.balance('platform_protection_fund')).toBe(0n);
    expect(w.balance(sellerBalance)).toBe(2_000n); // the whole order, as if the carrier paid it
    expect(metricsWith(w).sellerResponsibilityRate.numerator).toBe(0);
    expectBalanced(w);
  });

  it('an appeal moving a refund to a carrier the seller chose reimburses nothing: the seller funds it', () => {
    const w = new DisputeWorld({ ...orderFacts(completed), outboundChannel: 'seller' });
    openDispute(w, 'wrong_item', 2_000);
    w.do(seller, { type: 'escalate', note: '' });
    const ruling = {
      outcome: { kind: 'refund' as const, amount: USD(2_000) },
      responsibility: 'seller' as const,
      reasonCode: 'wrong_item',
      note: '',
    };
    w.do(arbitrator, { type: 'rule', ruling });
    const proof = evidence({ kind: 'label_comparison_photo' });
    w.do(seller, { type: 'add_evidence', evidence: proof });
    w.do(seller, { type: 'appeal', note: 'the carrier swapped it', evidenceIds: [proof.id] });
    w.do(arbitrator2, {
      type: 'decide_appeal',
      decision: 'overturned',
      ruling: { ...ruling, responsibility: 'logistics', reasonCode: 'swapped_label' },
    });
    expect(w.events.some((e) => e.type === 'seller_reimbursed')).toBe(false);
    expect(w.balance('platform_logistics_compensation')).toBe(0n);
    expectBalanced(w);
  });

  it('overturning a logistics-funded refund reimburses nobody: the seller never paid it', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'wrong_item', 2_000);
    w.do(seller, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(2_000) },
        responsibility: 'logistics',
        reasonCode: 'label',
        note: '',
      },
    });
    const proof = evidence({ kind: 'document', mediaType: 'application/pdf' });
    w.do(buyer, { type: 'add_evidence', evidence: proof });
    w.do(buyer, { type: 'appeal', note: 'more', evidenceIds: [proof.id] });
    w.do(arbitrator2, {
      type: 'decide_appeal',
      decision: 'overturned',
      ruling: {
        outcome: { kind: 'refund', amount: USD(500) },
        responsibility: 'logistics',
        reasonCode: 'partial',
        note: '',
      },
    });
    expect(w.events.some((e) => e.type === 'seller_reimbursed')).toBe(false);
    expect(w.balance(sellerBalance)).toBe(2_000n);
    expectBalanced(w);
  });

  it('a buyer who wins an appeal after no refund is refunded from the escrow still held', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'damaged', 2_000);
    w.do(seller, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'no_refund' },
        responsibility: 'buyer',
        reasonCode: 'misuse',
        note: '',
      },
    });
    w.advance(3 * DAY_MS);
    const proof = evidence({ kind: 'video', mediaType: 'video/mp4' });
    w.do(buyer, { type: 'add_evidence', evidence: proof });
    w.do(buyer, { type: 'appeal', note: 'unboxing video', evidenceIds: [proof.id] });
    w.refuse(seller, { type: 'appeal', note: 'me too', evidenceIds: [] }, 'dispute.wrong_state');
    w.do(arbitrator2, {
      type: 'decide_appeal',
      decision: 'overturned',
      ruling: {
        outcome: { kind: 'refund', amount: USD(1_200) },
        responsibility: 'seller',
        reasonCode: 'damaged',
        note: '',
      },
    });
    expect(w.dispute.resolution).toMatchObject({
      how: 'appeal',
      responsibility: 'seller',
      outcome: 'refund',
    });
    expect(w.balance(buyerRefunds)).toBe(1_200n);
    expect(w.balance(sellerBalance)).toBe(800n);
    expect(w.dispute.final).toBe(true);
    expectBalanced(w);
  });

  it('a chargeback holds the escrow: nothing is released until the processor decides', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'damaged', 500);
    w.do(seller, { type: 'escalate', note: '' });
    w.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(500) },
        responsibility: 'seller',
        reasonCode: 'damaged',
        note: '',
      },
    });
    w.do(system, { type: 'record_escrow_hold', frozen: true, chargebackId: 'cb-1' });
    w.advance(7 * DAY_MS);
    expect(w.dispute.final).toBe(true);
    expect(w.balance(escrow)).toBe(1_500n); // held despite the closed appeal window
    expect(
      w.do(system, { type: 'record_escrow_hold', frozen: true, chargebackId: 'cb-1' }),
    ).toEqual([]);
    w.do(system, { type: 'record_escrow_hold', frozen: false, chargebackId: 'cb-1' });
    expect(w.balance(escrow)).toBe(0n);
    expect(w.balance(sellerBalance)).toBe(1_500n);
    expectBalanced(w);
  });

  it('a lost chargeback re-bases the escrow the dispute counts: what the processor took is never released', () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'damaged', 500);
    w.do(system, { type: 'record_escrow_hold', frozen: true, chargebackId: 'cb-2' });
    w.do(buyer, { type: 'cancel', reason: 'the bank refunded me' });
    expect(
      w.do(system, {
        type: 'record_escrow_hold',
        frozen: false,
        chargebackId: 'cb-2',
        escrowHeldMinor: 0n,
      }),
    ).toEqual([]);
    const v = new DisputeWorld(orderFacts(completed));
    openDispute(v, 'damaged', 500);
    v.do(seller, { type: 'accept_offer', offerId: `${DISPUTE}.request` as OfferId });
    // Resolved and released already: a later loss can only re-base, never release twice.
    expect(v.dispute.escrowHeldMinor).toBe(0n);
    const u = new DisputeWorld(orderFacts(completed));
    openDispute(u, 'damaged', 500);
    u.do(seller, { type: 'escalate', note: '' });
    u.do(system, { type: 'record_escrow_hold', frozen: true, chargebackId: 'cb-3' });
    u.do(arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'no_refund' },
        responsibility: 'buyer',
        reasonCode: 'r',
        note: '',
      },
    });
    u.advance(7 * DAY_MS);
    u.do(system, {
      type: 'record_escrow_hold',
      frozen: false,
      chargebackId: 'cb-3',
      escrowHeldMinor: 1_200n,
    });
    expect(u.dispute.escrowHeldMinor).toBe(0n);
    expect(
      u.events
        .filter((e) => e.type === 'funds_released')
        .map((e) => (e.type === 'funds_released' ? e.amount.minor : 0n)),
    ).toEqual([1_200n]);
  });
  it("re-bases on the order's ledger without a chargeback: less escrow and less left to refund, the hold unchanged", () => {
    const w = new DisputeWorld(orderFacts(completed));
    openDispute(w, 'damaged', 500);
    // Another dispute of the order refunded 1,800 and released the rest since this one opened.
    const rebase = {
      type: 'record_escrow_hold',
      frozen: false,
      escrowHeldMinor: 0n,
      refundedByOthersMinor: 1_800n,
    } as const;
    expect(w.do(system, rebase)).toMatchObject([
      {
        type: 'escrow_hold_changed',
        frozen: false,
        escrowHeldMinor: 0n,
        refundedByOthersMinor: 1_800n,
      },
    ]);
    expect(w.events.at(-1)).not.toHaveProperty('chargebackId');
    expect(w.do(system, rebase)).toEqual([]);
    // The 500 agreed is capped at the 200 left, and paid from the seller's balance.
    w.do(seller, { type: 'accept_offer', offerId: `${DISPUTE}.request` as OfferId });
    expect(
      w.events.filter((e) => e.type === 'refund_issued' || e.type === 'funds_released'),
    ).toMatchObject([{ type: 'refund_issued', amount: USD(200), source: 'seller_balance' }]);
  });
});
