// The suggested responsibility follows each rule of domain.md, preferring confirmed findings and ignoring superseded files.
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../test/harness/dispute-world.ts';
import {
  arbitrator,
  buyer,
  DISPUTE,
  evidence,
  orderFacts,
  seller,
  system,
  T0,
} from '../../test/harness/fixtures.ts';
import type { EvidenceInput } from './dispute/commands.ts';
import type { OrderFacts } from './dispute/state.ts';
import type { OfferId } from './ids.ts';
import { DAY_MS, instant } from './instant.ts';
import { money } from './money.ts';
import type { DisputeReason, Finding } from './reasons.ts';
import { reasonWords, type Suggestion, suggestResponsibility } from './responsibility.ts';

const USD = (minor: number) => money(minor, 'USD');
const completed = { completedAt: instant(T0 - DAY_MS) };

/** The suggestion as the tests word it: `reasons` are the facts in English (reasonWords). */
function inWords(s: Suggestion): Omit<Suggestion, 'facts'> {
  const { facts, ...words } = s;
  expect(words.reasons).toEqual(facts.map(reasonWords));
  return words;
}

function opened(
  reason: DisputeReason,
  order: Partial<OrderFacts> = {},
  attached: readonly EvidenceInput[] = [],
): DisputeWorld {
  const w = new DisputeWorld(orderFacts({ ...completed, ...order }));
  w.do(buyer, {
    type: 'open',
    disputeId: DISPUTE,
    order: w.order,
    reason,
    request: { kind: 'refund', amount: USD(2_000) },
    description: `${reason.replaceAll('_', ' ')} problem`,
    ...(attached.length === 0 ? {} : { evidence: attached }),
  });
  return w;
}

/** The seller escalates so the arbitrator can confirm or correct findings. */
function toArbitration(w: DisputeWorld): DisputeWorld {
  w.do(seller, { type: 'escalate', note: 'please decide' });
  expect(w.dispute.status).toBe('in_arbitration');
  return w;
}

function confirm(w: DisputeWorld, ev: EvidenceInput, findings: readonly Finding[]): void {
  w.do(arbitrator, { type: 'confirm_findings', evidenceId: ev.id, findings });
}

const reasonsOf = (w: DisputeWorld) => suggestResponsibility(w.dispute).reasons.join(' | ');

describe('wrong item', () => {
  const labels = (findings: readonly Finding[] = ['labels_mismatch']) =>
    evidence({ kind: 'label_comparison_photo', findings });

  it('platform channel + a label comparison showing mismatching labels: logistics', () => {
    const photo = labels();
    const w = opened('wrong_item', { outboundChannel: 'platform' });
    w.do(buyer, { type: 'add_evidence', evidence: photo });
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('logistics');
    expect(s.outcome).toBeUndefined();
    expect(s.reasons).toEqual([
      'the order shipped with platform logistics',
      `the top waybill does not match the base label (stated by the buyer on label comparison photo ${photo.id} (not yet confirmed)): the warehouse relabelled the parcel`,
    ]);
  });

  it('platform channel without such a photo: no responsibility, ask for the label comparison', () => {
    const w = opened('wrong_item', { outboundChannel: 'platform' });
    expect(inWords(suggestResponsibility(w.dispute))).toEqual({
      reasons: [
        'no label-comparison photo shows mismatching labels yet: ask the buyer to peel back the top waybill and photograph it beside the base label',
      ],
    });
  });

  it('a mismatch stated on another kind of file does not count', () => {
    const w = opened('wrong_item', { outboundChannel: 'platform' }, [
      evidence({ kind: 'item_photo', findings: ['labels_mismatch'] }),
    ]);
    expect(suggestResponsibility(w.dispute).responsibility).toBeUndefined();
    expect(reasonsOf(w)).toContain('no label-comparison photo');
  });

  it('a label comparison without the mismatch finding does not count', () => {
    const w = opened('wrong_item', { outboundChannel: 'platform' }, [labels([])]);
    expect(suggestResponsibility(w.dispute).responsibility).toBeUndefined();
  });

  it('seller channel: no responsibility suggested, the seller chose the carrier', () => {
    const w = opened('wrong_item', { outboundChannel: 'seller' }, [labels()]);
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBeUndefined();
    expect(s.reasons).toEqual([
      'the seller chose the carrier (seller channel): the seller answers for it',
    ]);
  });

  it('an arbitrator confirmation names the arbitrator as the source', () => {
    const photo = labels();
    const w = toArbitration(opened('wrong_item', {}, [photo]));
    expect(reasonsOf(w)).toContain(`stated by the buyer on label comparison photo ${photo.id}`);
    confirm(w, photo, ['labels_mismatch']);
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('logistics');
    expect(s.reasons[1]).toContain(
      `confirmed by the arbitrator on label comparison photo ${photo.id}`,
    );
    expect(s.reasons.join(' ')).not.toContain('stated by');
  });

  it('an arbitrator confirming no findings removes a stated mismatch', () => {
    const photo = labels();
    const w = toArbitration(opened('wrong_item', {}, [photo]));
    confirm(w, photo, []);
    expect(w.dispute.evidence[0]?.findings).toEqual(['labels_mismatch']); // the upload is immutable
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBeUndefined();
    expect(s.reasons[0]).toContain('no label-comparison photo shows mismatching labels yet');
  });

  it('a confirmed mismatch on one file outweighs a corrected statement on another', () => {
    const first = labels();
    const second = evidence({ kind: 'label_comparison_photo', findings: [] });
    const w = toArbitration(opened('wrong_item', {}, [first, second]));
    confirm(w, first, []);
    confirm(w, second, ['labels_mismatch']);
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('logistics');
    expect(s.reasons[1]).toContain(
      `confirmed by the arbitrator on label comparison photo ${second.id}`,
    );
  });

  it('a superseded label comparison is ignored', () => {
    const mistaken = labels();
    const w = opened('wrong_item', {}, [mistaken]);
    expect(suggestResponsibility(w.dispute).responsibility).toBe('logistics');
    const replacement = evidence({
      kind: 'label_comparison_photo',
      findings: [],
      supersedes: mistaken.id,
    });
    w.do(buyer, { type: 'add_evidence', evidence: replacement });
    expect(w.dispute.evidence).toHaveLength(2); // superseded, never deleted
    expect(suggestResponsibility(w.dispute).responsibility).toBeUndefined();
  });

  it('a confirmation on a superseded file is ignored too', () => {
    const mistaken = labels();
    const w = toArbitration(opened('wrong_item', {}, [mistaken]));
    confirm(w, mistaken, ['labels_mismatch']);
    w.do(buyer, {
      type: 'add_evidence',
      evidence: evidence({ kind: 'label_comparison_photo', findings: [], supersedes: mistaken.id }),
    });
    expect(suggestResponsibility(w.dispute).responsibility).toBeUndefined();
  });
});

describe('damaged', () => {
  const packaging = (finding: Finding) =>
    evidence({ kind: 'outer_packaging_photo', findings: [finding] });

  it('platform channel + transit-damaged outer packaging: logistics', () => {
    const photo = packaging('packaging_damaged');
    const w = opened('damaged', { outboundChannel: 'platform' }, [photo]);
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('logistics');
    expect(s.reasons).toEqual([
      'the order shipped with platform logistics',
      `the outer packaging is damaged in transit (stated by the buyer on outer packaging photo ${photo.id} (not yet confirmed))`,
    ]);
  });

  it('intact outer packaging: seller, the damage points to the product or its packing', () => {
    const photo = packaging('packaging_intact');
    const w = opened('damaged', { outboundChannel: 'platform' }, [photo]);
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('seller');
    expect(s.reasons[0]).toContain('the outer packaging arrived intact');
    expect(s.reasons[0]).toContain('the product or its packing');
  });

  it('seller channel + damaged packaging: seller, who chose the carrier', () => {
    const photo = packaging('packaging_damaged');
    const w = opened('damaged', { outboundChannel: 'seller' }, [photo]);
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('seller');
    expect(s.reasons[0]).toBe(
      `the outer packaging is damaged (stated by the buyer on outer packaging photo ${photo.id} (not yet confirmed)), but the seller chose the carrier`,
    );
  });

  it('seller channel + intact packaging: seller', () => {
    const w = opened('damaged', { outboundChannel: 'seller' }, [packaging('packaging_intact')]);
    expect(suggestResponsibility(w.dispute).responsibility).toBe('seller');
  });

  it('no outer-packaging photos: no suggestion, the reason asks for them', () => {
    const w = opened('damaged', {}, [evidence({ kind: 'item_photo', findings: ['item_damaged'] })]);
    expect(inWords(suggestResponsibility(w.dispute))).toEqual({
      reasons: ['no outer-packaging photos yet: ask the buyer for them, they decide this case'],
    });
  });

  it('the seller asks for outer-packaging photos and the buyer’s upload decides it', () => {
    const w = opened('damaged');
    expect(reasonsOf(w)).toContain('no outer-packaging photos yet');
    w.do(seller, {
      type: 'request_evidence',
      requestId: 'req-box' as never,
      from: 'buyer',
      kinds: ['outer_packaging_photo'],
      note: 'the outer box please',
    });
    w.do(buyer, { type: 'add_evidence', evidence: packaging('packaging_damaged') });
    expect(w.dispute.evidenceRequests[0]?.status).toBe('fulfilled');
    expect(suggestResponsibility(w.dispute).responsibility).toBe('logistics');
  });

  it('conflicting statements: intact packaging outweighs an unconfirmed damage claim', () => {
    const damaged = packaging('packaging_damaged');
    const w = opened('damaged', {}, [damaged]);
    w.do(seller, { type: 'add_evidence', evidence: packaging('packaging_intact') });
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('seller');
    expect(s.reasons[0]).toContain('stated by the seller');
  });

  it('a confirmed damage outweighs a stated intact packaging', () => {
    const damaged = packaging('packaging_damaged');
    const w = toArbitration(opened('damaged', {}, [damaged]));
    w.do(seller, { type: 'add_evidence', evidence: packaging('packaging_intact') });
    confirm(w, damaged, ['packaging_damaged']);
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('logistics');
    expect(s.reasons[1]).toContain('confirmed by the arbitrator on outer packaging photo');
  });

  it('an arbitrator correcting a damage claim to intact turns it to seller', () => {
    const photo = packaging('packaging_damaged');
    const w = toArbitration(opened('damaged', {}, [photo]));
    confirm(w, photo, ['packaging_intact']);
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBe('seller');
    expect(s.reasons[0]).toContain(
      `confirmed by the arbitrator on outer packaging photo ${photo.id}`,
    );
  });

  it('a superseded damage photo is ignored', () => {
    const mistaken = packaging('packaging_damaged');
    const w = opened('damaged', {}, [mistaken]);
    w.do(buyer, {
      type: 'add_evidence',
      evidence: evidence({ kind: 'outer_packaging_photo', findings: [], supersedes: mistaken.id }),
    });
    expect(suggestResponsibility(w.dispute).responsibility).toBeUndefined();
    expect(reasonsOf(w)).toContain('no outer-packaging photos yet');
  });
});

describe('not received', () => {
  it('delivered with a signature and uncontested: buyer, no refund', () => {
    const w = opened('not_received', { deliveredWithSignature: true });
    expect(inWords(suggestResponsibility(w.dispute))).toEqual({
      responsibility: 'buyer',
      outcome: 'no_refund',
      reasons: ['the carrier shows delivery with a signature and the buyer has not contested it'],
    });
  });

  it('the seller’s own evidence does not make it contested', () => {
    const w = opened('not_received', { deliveredWithSignature: true });
    w.do(seller, { type: 'add_evidence', evidence: evidence({ kind: 'tracking_proof' }) });
    expect(suggestResponsibility(w.dispute).responsibility).toBe('buyer');
  });

  it('contested by buyer evidence: no suggestion', () => {
    const w = opened('not_received', { deliveredWithSignature: true });
    w.do(buyer, { type: 'add_evidence', evidence: evidence({ kind: 'chat_record' }) });
    const s = suggestResponsibility(w.dispute);
    expect(s.responsibility).toBeUndefined();
    expect(s.outcome).toBeUndefined();
    expect(s.reasons[0]).toContain('the buyer contests it with evidence');
  });

  it('no signed delivery: check the outbound tracking', () => {
    for (const deliveredWithSignature of [false, undefined]) {
      const w = opened(
        'not_received',
        deliveredWithSignature === undefined ? {} : { deliveredWithSignature },
      );
      expect(inWords(suggestResponsibility(w.dispute))).toEqual({
        reasons: ['the carrier shows no signed delivery: check the outbound tracking'],
      });
    }
  });
});

describe('return not received', () => {
  function returnEscalated(): DisputeWorld {
    const w = new DisputeWorld(orderFacts(completed));
    w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order: w.order,
      reason: 'not_as_described',
      request: { kind: 'return_and_refund', amount: USD(2_000), postagePaidBy: 'seller' },
      description: 'not as described',
    });
    w.do(seller, { type: 'accept_offer', offerId: `${DISPUTE}.request` as OfferId });
    w.do(buyer, { type: 'ship_return', carrier: 'YunExpress', trackingNumber: 'YT1' });
    w.advance(5 * DAY_MS);
    w.do(seller, { type: 'escalate', note: 'nothing arrived' });
    expect(w.dispute.escalation?.reason).toBe('return_not_received');
    return w;
  }

  it('return tracking delivered: refund the buyer, nobody responsible', () => {
    const w = returnEscalated();
    const deliveredAt = instant(w.clock.now() - DAY_MS);
    w.do(system, { type: 'record_return_delivered', deliveredAt });
    const s = suggestResponsibility(w.dispute);
    expect(s.outcome).toBe('refund');
    expect(s.responsibility).toBe('none');
    expect(s.reasons[0]).toContain(new Date(deliveredAt).toISOString());
    expect(s.reasons[0]).toContain('refund the buyer');
  });

  it('return tracking not delivered: falls back to the dispute reason', () => {
    const w = returnEscalated();
    const s = suggestResponsibility(w.dispute);
    expect(s.outcome).toBeUndefined();
    expect(s.responsibility).toBeUndefined();
    expect(s.reasons[0]).toContain('no rule suggests a responsibility for not as described');
  });

  it('a returned parcel escalated as damaged is not the return-not-received rule', () => {
    const w = new DisputeWorld(orderFacts(completed));
    w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order: w.order,
      reason: 'quality_issue',
      request: { kind: 'return_and_refund', amount: USD(2_000), postagePaidBy: 'seller' },
      description: 'broke after a day',
    });
    w.do(seller, { type: 'accept_offer', offerId: `${DISPUTE}.request` as OfferId });
    w.do(buyer, { type: 'ship_return', carrier: 'YunExpress', trackingNumber: 'YT2' });
    w.do(system, { type: 'record_return_delivered', deliveredAt: w.clock.now() });
    w.do(seller, { type: 'escalate', note: 'it came back smashed', goodsProblem: 'damaged' });
    expect(w.dispute.escalation?.reason).toBe('return_damaged');
    expect(suggestResponsibility(w.dispute).outcome).toBeUndefined();
  });
});

describe('other reasons', () => {
  const others: DisputeReason[] = [
    'not_as_described',
    'quality_issue',
    'missing_parts',
    'counterfeit',
    'changed_mind',
  ];
  for (const reason of others) {
    it(`${reason}: no suggestion, weigh the evidence`, () => {
      const w = opened(reason, {}, [
        evidence({ kind: 'outer_packaging_photo', findings: ['packaging_damaged'] }),
      ]);
      expect(inWords(suggestResponsibility(w.dispute))).toEqual({
        reasons: [
          `no rule suggests a responsibility for ${reason.replaceAll('_', ' ')}: weigh the evidence`,
        ],
      });
    });
  }
});
