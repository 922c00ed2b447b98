// evolve(state, event) -> state. Pure and total over the event list; it trusts events (decide has
// checked them) but asserts the money invariants, because a broken one is a bug, not user error.
import type { OfferId } from '../ids.ts';
import { assertNever } from './deadlines.ts';
import type { DisputeEvent, EventOf } from './events.ts';
import type { Dispute, Offer, RefundPayment } from './state.ts';
import { refundableMinor } from './state.ts';

export function evolve(state: Dispute | undefined, event: DisputeEvent): Dispute {
  if (event.type === 'dispute_opened') {
    if (state !== undefined) throw new Error('dispute_opened on an existing dispute');
    return opened(event);
  }
  if (state === undefined) throw new Error(`${event.type} before dispute_opened`);
  return applyTo(state, event);
}

export function fold(events: readonly DisputeEvent[]): Dispute | undefined {
  let state: Dispute | undefined;
  for (const e of events) state = evolve(state, e);
  return state;
}

function opened(e: EventOf<'dispute_opened'>): Dispute {
  const base: Dispute = {
    id: e.disputeId,
    order: e.order,
    reason: e.reason,
    description: e.description,
    policy: e.policy,
    openedAt: e.at,
    status: 'negotiating',
    requestOfferId: e.request.id,
    offers: [e.request],
    sellerResponseDueAt: e.sellerResponseDueAt,
    negotiationDueAt: e.negotiationDueAt,
    final: false,
    orderCompleted: e.order.completedAt !== undefined,
    escrowFrozen: false,
    evidence: [],
    evidenceRequests: [],
    messages: [],
    refunds: { escrow: 0n, seller_balance: 0n, logistics_compensation: 0n, protection_fund: 0n },
    escrowHeldMinor: e.order.escrowHeld.minor,
    chargebacksTakenMinor: e.order.chargebacksTaken?.minor ?? 0n,
    releasedMinor: 0n,
    reimbursedMinor: 0n,
    protected: false,
    ...(e.lines === undefined ? {} : { lines: e.lines }),
  };
  return e.subReason === undefined ? base : { ...base, subReason: e.subReason };
}

function setOffer(d: Dispute, id: OfferId, status: Offer['status']): Dispute {
  return { ...d, offers: d.offers.map((o) => (o.id === id ? { ...o, status } : o)) };
}

function closeOpenOffers(d: Dispute): Dispute {
  return {
    ...d,
    offers: d.offers.map((o) => (o.status === 'open' ? { ...o, status: 'closed' } : o)),
  };
}

// Any offer or answer from the seller is the seller's response to the buyer's request.
function responded(d: Dispute, by: 'buyer' | 'seller', at: number): Dispute {
  if (by !== 'seller' || d.sellerRespondedAt !== undefined) return d;
  return { ...d, sellerRespondedAt: at as Dispute['openedAt'] };
}

function applyTo(d: Dispute, e: DisputeEvent): Dispute {
  switch (e.type) {
    case 'dispute_opened':
      throw new Error('unreachable');
    case 'offer_proposed': {
      // A new offer from the same side supersedes its previous open one.
      const offers = d.offers.map((o) =>
        o.by === e.offer.by && o.status === 'open' ? { ...o, status: 'superseded' as const } : o,
      );
      return responded({ ...d, offers: [...offers, e.offer] }, e.offer.by, e.at);
    }
    case 'offer_accepted':
      return responded(setOffer(d, e.offerId, 'accepted'), e.by, e.at);
    case 'offer_rejected':
      return responded(setOffer(d, e.offerId, 'rejected'), e.by, e.at);
    case 'agreement_reached':
      return closeOpenOffers(d);
    case 'return_started':
      return {
        ...d,
        status: e.status,
        stageDueAt: e.dueAt,
        returnPlan: {
          amount: e.amount,
          postagePaidBy: e.postagePaidBy,
          via: e.via,
          ...(e.postage === undefined ? {} : { postage: e.postage }),
          ...(e.rmaNumber === undefined ? {} : { rmaNumber: e.rmaNumber }),
        },
        ...(e.rmaNumber === undefined ? {} : { returnsStarted: (d.returnsStarted ?? 0) + 1 }),
      };
    case 'return_details_set':
      return {
        ...d,
        returnPlan: {
          ...mustReturn(d),
          ...(e.address === undefined ? {} : { address: e.address }),
          ...(e.rmaNumber === undefined ? {} : { rmaNumber: e.rmaNumber }),
        },
      };
    case 'return_label_supplied':
      return {
        ...d,
        status: 'awaiting_return_shipment',
        stageDueAt: e.shipmentDueAt,
        returnPlan: {
          ...mustReturn(d),
          label: e.label,
          ...(e.labelEvidenceId === undefined ? {} : { labelEvidenceId: e.labelEvidenceId }),
        },
      };
    case 'return_postage_paid':
      return d;
    case 'return_shipped':
      return {
        ...d,
        status: 'return_in_transit',
        stageDueAt: e.receiptDueAt,
        returnPlan: { ...mustReturn(d), shipment: e.shipment },
      };
    case 'return_delivered':
      return { ...d, returnPlan: { ...mustReturn(d), deliveredAt: e.deliveredAt } };
    case 'return_receipt_confirmed':
      return {
        ...d,
        returnPlan: {
          ...mustReturn(d),
          condition: e.condition ?? 'as_described',
          receivedAt: e.at,
        },
      };
    case 'replacement_started':
      return { ...d, status: 'awaiting_replacement', stageDueAt: e.dueAt, replacement: {} };
    case 'replacement_shipped':
      return { ...d, replacement: { shipment: e.shipment } };
    case 'replacement_delivered':
      return d;
    case 'replacement_lapsed':
      return withoutStage({ ...d, status: 'negotiating', negotiationDueAt: e.negotiationDueAt });
    case 'evidence_requested':
      return { ...d, evidenceRequests: [...d.evidenceRequests, e.request] };
    case 'evidence_added':
      return {
        ...d,
        evidence: [...d.evidence, e.evidence],
        evidenceRequests: d.evidenceRequests.map((r) =>
          e.fulfils.includes(r.id) ? { ...r, status: 'fulfilled' } : r,
        ),
      };
    case 'evidence_request_lapsed':
      return {
        ...d,
        evidenceRequests: d.evidenceRequests.map((r) =>
          r.id === e.requestId ? { ...r, status: 'lapsed' } : r,
        ),
      };
    case 'findings_confirmed':
      return {
        ...d,
        evidence: d.evidence.map((x) =>
          x.id === e.evidenceId && (e.evidenceBy === undefined || x.by === e.evidenceBy)
            ? { ...x, confirmedFindings: e.findings }
            : x,
        ),
      };
    case 'message_posted':
      return { ...d, messages: [...d.messages, e.message] };
    case 'coupon_issued':
      return { ...d, couponCode: e.coupon.code };
    case 'dispute_cancelled':
      return withoutStage(closeOpenOffers({ ...d, status: 'cancelled', final: true }));
    case 'dispute_escalated': {
      const escalation = { by: e.by, at: e.at, reason: e.reason, note: e.note };
      return withoutStage({
        ...closeOpenOffers(d),
        status: 'in_arbitration',
        escalation: e.resume === undefined ? escalation : { ...escalation, resume: e.resume },
        ...(e.by === 'seller' && d.sellerRespondedAt === undefined
          ? { sellerRespondedAt: e.at }
          : {}),
      });
    }
    case 'escalation_withdrawn': {
      const { escalation: _dropped, ...rest } = d;
      return e.status === 'negotiating'
        ? { ...rest, status: 'negotiating', negotiationDueAt: e.dueAt }
        : { ...rest, status: e.status, stageDueAt: e.dueAt };
    }
    case 'ruling_issued':
      return { ...d, ruling: e.ruling };
    case 'refund_issued':
      return owe(refunded(d, e), e);
    case 'refund_succeeded':
      return setPayment(d, e.refundId, (p) => {
        if (p.status === 'succeeded' || p.status === 'escalated')
          throw new Error(`refund ${p.id} settled twice`);
        if (p.amount.minor !== e.amount.minor) throw new Error(`refund ${p.id} paid another sum`);
        const { retryAt: _dropped, ...rest } = p;
        return { ...rest, status: 'succeeded', settledAt: e.at };
      });
    case 'refund_failed':
      return setPayment(d, e.refundId, (p) => {
        const { retryAt: _dropped, ...rest } = p;
        return e.retryAt === undefined
          ? { ...rest, lastFailure: e.failure }
          : { ...rest, status: 'retry_scheduled', retryAt: e.retryAt, lastFailure: e.failure };
      });
    case 'refund_retry_requested':
      return setPayment(d, e.refundId, (p) => {
        const { retryAt: _dropped, ...rest } = p;
        return { ...rest, status: 'pending', attempt: e.attempt };
      });
    case 'refund_escalated':
      return setPayment(d, e.refundId, (p) => {
        const { retryAt: _dropped, ...rest } = p;
        return { ...rest, status: 'escalated', settledAt: e.at };
      });
    case 'funds_released':
      return moveFromEscrow(
        { ...d, releasedMinor: d.releasedMinor + e.amount.minor },
        e.amount.minor,
      );
    case 'seller_reimbursed':
      return { ...d, reimbursedMinor: d.reimbursedMinor + e.amount.minor };
    case 'protection_fee_charged':
      return d;
    case 'dispute_resolved': {
      const resolved = withoutStage({
        ...d,
        status: 'resolved',
        resolution: e.resolution,
        protected: e.resolution.how === 'protection',
      });
      // A resolution with no ruling behind it cannot be appealed: it is final at once.
      return e.appealDueAt === undefined
        ? { ...resolved, final: true }
        : { ...resolved, appealDueAt: e.appealDueAt };
    }
    case 'appeal_filed':
      return {
        ...d,
        status: 'appealed',
        appeal: { by: e.by, at: e.at, note: e.note, evidenceIds: e.evidenceIds },
      };
    case 'appeal_decided': {
      const appeal = { ...mustAppeal(d), decision: e.decision, decidedBy: mustStaff(e.actor) };
      const ruling = e.ruling ?? d.ruling;
      return {
        ...d,
        status: 'resolved',
        appeal,
        resolution: e.resolution,
        final: true,
        ...(ruling === undefined ? {} : { ruling }),
      };
    }
    case 'dispute_finalized':
      return { ...d, final: true };
    case 'dispute_closed_by_chargeback':
      // The hold's figures; the status changes with the dispute_resolved that follows. Open
      // offers stay as a ruling leaves them: a resolved dispute takes no answer to them.
      return holdChanged(d, { ...e, type: 'escrow_hold_changed' });
    case 'escrow_hold_changed':
      return withLineRefunds(holdChanged(d, e), e.lineRefundsByOthers);
    case 'order_completed':
      return { ...d, orderCompleted: true };
    case 'deadline_fired':
      return d;
    default:
      return assertNever(e);
  }
}

function holdChanged(d: Dispute, e: EventOf<'escrow_hold_changed'>): Dispute {
  // Never count more escrow than the order holds: what a chargeback, another dispute or the
  // order's release took is gone. What chargebacks took only grows (a lost chargeback is
  // never given back).
  return {
    ...d,
    escrowFrozen: e.frozen,
    ...(e.escrowHeldMinor === undefined || e.escrowHeldMinor >= d.escrowHeldMinor
      ? {}
      : { escrowHeldMinor: e.escrowHeldMinor }),
    ...(e.chargebacksTakenMinor === undefined ||
    e.chargebacksTakenMinor <= (d.chargebacksTakenMinor ?? 0n)
      ? {}
      : { chargebacksTakenMinor: e.chargebacksTakenMinor }),
    // Other disputes' refunds only grow too: they lower what this one may still refund.
    ...(e.refundedByOthersMinor === undefined ||
    e.refundedByOthersMinor <= d.order.refundedBefore.minor
      ? {}
      : {
          order: {
            ...d.order,
            refundedBefore: { ...d.order.refundedBefore, minor: e.refundedByOthersMinor },
          },
        }),
  };
}

// What other disputes refunded on each line only grows too: it lowers this dispute's line caps.
function withLineRefunds(
  d: Dispute,
  refunds: EventOf<'escrow_hold_changed'>['lineRefundsByOthers'],
): Dispute {
  if (refunds === undefined || d.order.lines === undefined) return d;
  const lines = d.order.lines.map((l) => {
    const minor = refunds.find((r) => r.lineId === l.lineId)?.minor;
    if (minor === undefined || minor <= (l.refundedBefore?.minor ?? 0n)) return l;
    return { ...l, refundedBefore: { ...l.total, minor } };
  });
  return { ...d, order: { ...d.order, lines } };
}

function refunded(d: Dispute, e: EventOf<'refund_issued'>): Dispute {
  const next = {
    ...d,
    refunds: { ...d.refunds, [e.source]: d.refunds[e.source] + e.amount.minor },
  };
  if (e.amount.minor <= 0n) throw new Error('refund must be positive');
  if (refundableMinor(next) < 0n) throw new Error('refund above the amount paid');
  return e.source === 'escrow' ? moveFromEscrow(next, e.amount.minor) : next;
}

// A refund with an id is owed until the marketplace pays it; the parts one decision funds from
// escrow and from the seller's balance are one payment to the buyer.
function owe(d: Dispute, e: EventOf<'refund_issued'>): Dispute {
  if (e.refundId === undefined) return d;
  const payments = d.refundPayments ?? [];
  const known = payments.find((p) => p.id === e.refundId);
  if (known !== undefined) {
    return setPayment(d, known.id, (p) => ({
      ...p,
      amount: { ...p.amount, minor: p.amount.minor + e.amount.minor },
    }));
  }
  const payment: RefundPayment = {
    id: e.refundId,
    amount: e.amount,
    status: 'pending',
    attempt: 1,
    issuedAt: e.at,
  };
  return { ...d, refundPayments: [...payments, payment] };
}

function setPayment(
  d: Dispute,
  refundId: string,
  change: (p: RefundPayment) => RefundPayment,
): Dispute {
  const payments = d.refundPayments ?? [];
  if (!payments.some((p) => p.id === refundId)) throw new Error(`no refund ${refundId}`);
  return { ...d, refundPayments: payments.map((p) => (p.id === refundId ? change(p) : p)) };
}

function moveFromEscrow(d: Dispute, minor: bigint): Dispute {
  const escrowHeldMinor = d.escrowHeldMinor - minor;
  if (escrowHeldMinor < 0n) throw new Error('escrow below zero');
  return { ...d, escrowHeldMinor };
}

function withoutStage(d: Dispute): Dispute {
  const { stageDueAt: _dropped, ...rest } = d;
  return rest;
}

function mustReturn(d: Dispute) {
  if (d.returnPlan === undefined) throw new Error('return event without a return plan');
  return d.returnPlan;
}

function mustAppeal(d: Dispute) {
  if (d.appeal === undefined) throw new Error('appeal decided without an appeal');
  return d.appeal;
}

function mustStaff(actor: DisputeEvent['actor']) {
  if (actor.role !== 'arbitrator') throw new Error('appeal decided by a non-arbitrator');
  return actor.id;
}
