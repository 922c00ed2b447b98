// One dispute in each status, reached by real commands: for the action table and bad-command tests.
import {
  DAY_MS,
  instant,
  money,
  type OfferId,
  resolvePolicy,
  type Status,
} from '../../src/domain/index.ts';
import { DisputeWorld } from './dispute-world.ts';
import { arbitrator2, buyer, DISPUTE, evidence, orderFacts, seller, T0 } from './fixtures.ts';

const USD = (minor: number) => money(minor, 'USD');

function open(local = false): DisputeWorld {
  const order = orderFacts({ completedAt: instant(T0 - DAY_MS) });
  const policy = resolvePolicy(
    local ? [{ id: 'l', market: '*', version: 1, values: { localReturn: true } }] : [],
    order,
  );
  const w = new DisputeWorld(order, policy);
  w.do(buyer, {
    type: 'open',
    disputeId: DISPUTE,
    order,
    reason: 'damaged',
    request: { kind: 'return_and_refund', amount: USD(1_000), postagePaidBy: 'seller' },
    description: 'broken',
  });
  return w;
}

const REQUEST = `${DISPUTE}.request` as OfferId;

/** One dispute in each status, reached by real commands. */
export const IN_STATUS: Readonly<Record<Status, () => DisputeWorld>> = {
  negotiating: () => {
    const w = open();
    w.do(seller, {
      type: 'reject_offer',
      offerId: REQUEST,
      reason: 'no',
      counter: { offerId: 'o1' as OfferId, terms: { kind: 'refund', amount: USD(300) }, note: '' },
    });
    return w;
  },
  awaiting_return_label: () => {
    const w = open(true);
    w.do(seller, { type: 'accept_offer', offerId: REQUEST });
    return w;
  },
  awaiting_return_shipment: () => {
    const w = open();
    w.do(seller, { type: 'accept_offer', offerId: REQUEST });
    return w;
  },
  return_in_transit: () => {
    const w = IN_STATUS.awaiting_return_shipment();
    w.do(buyer, { type: 'ship_return', carrier: 'c', trackingNumber: 't' });
    return w;
  },
  awaiting_replacement: () => {
    const w = open();
    w.do(seller, {
      type: 'reject_offer',
      offerId: REQUEST,
      reason: 'no',
      counter: { offerId: 'r' as OfferId, terms: { kind: 'replacement' }, note: '' },
    });
    w.do(buyer, { type: 'accept_offer', offerId: 'r' as OfferId });
    return w;
  },
  in_arbitration: () => {
    const w = IN_STATUS.negotiating();
    w.do(buyer, { type: 'escalate', note: '' });
    return w;
  },
  resolved: () => {
    const w = IN_STATUS.in_arbitration();
    w.do(arbitrator2, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(500) },
        responsibility: 'seller',
        reasonCode: 'r',
        note: '',
      },
    });
    return w;
  },
  cancelled: () => {
    const w = open();
    w.do(buyer, { type: 'cancel', reason: 'sorted it out' });
    return w;
  },
  appealed: () => {
    const w = IN_STATUS.resolved();
    const proof = evidence({ kind: 'document', mediaType: 'application/pdf' });
    w.do(seller, { type: 'add_evidence', evidence: proof });
    w.do(seller, { type: 'appeal', note: 'see the document', evidenceIds: [proof.id] });
    return w;
  },
};
