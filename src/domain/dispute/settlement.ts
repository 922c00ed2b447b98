// How outcomes become money and status: who funds a refund, when escrow is released, how a
// return or replacement starts. Shared by agreements, rulings, appeals and deadlines.
import { later } from '../instant.ts';
import { type Money, minMinor } from '../money.ts';
import type { Responsibility } from '../reasons.ts';
import type { Draft } from './draft.ts';
import type { ResolutionHow } from './state.ts';
import { refundableMinor, refundedTotal } from './state.ts';
import type { PostagePayer, Terms } from './terms.ts';

export type Funding = 'seller' | 'logistics' | 'protection';

/** domain.md's table: the platform pays for its own carrier; otherwise the seller's escrow does. */
export function fundingFor(
  responsibility: Responsibility,
  channel: 'platform' | 'seller',
): Funding {
  return responsibility === 'logistics' && channel === 'platform' ? 'logistics' : 'seller';
}

/** A refund's id: the dispute's, numbered. The marketplace reports the payment under it. */
export function refundIdOf(disputeId: string, n: number): string {
  return `${disputeId}:refund:${n}`;
}

/** The dispute a refund id names, or undefined when it is not a refund id. */
export function disputeIdOfRefund(refundId: string): string | undefined {
  const at = refundId.lastIndexOf(':refund:');
  if (at <= 0 || !/^[1-9][0-9]*$/.test(refundId.slice(at + ':refund:'.length))) return undefined;
  return refundId.slice(0, at);
}

export function payRefund(draft: Draft, owed: Money, funding: Funding): void {
  // Never more than the buyer may still recover on the order: a chargeback lost since the terms
  // were set may already have given the buyer part of it back (domain.md's per-order cap).
  const amount = { ...owed, minor: minMinor(owed.minor, refundableMinor(draft.dispute)) };
  if (amount.minor <= 0n) return;
  // One payment to the buyer, however many accounts fund it: it is owed until the marketplace
  // reports it paid (record_refund_result).
  const refundId = refundIdOf(draft.dispute.id, (draft.dispute.refundPayments?.length ?? 0) + 1);
  if (funding === 'logistics') {
    draft.emit({ type: 'refund_issued', amount, source: 'logistics_compensation', refundId });
    return;
  }
  if (funding === 'protection') {
    draft.emit({ type: 'refund_issued', amount, source: 'protection_fund', refundId });
    return;
  }
  // Escrow first; what escrow no longer holds (released earlier) becomes a seller debt.
  const held = draft.dispute.escrowHeldMinor;
  const fromEscrow = minMinor(amount.minor, held);
  const rest = amount.minor - fromEscrow;
  if (fromEscrow > 0n) {
    draft.emit({
      type: 'refund_issued',
      amount: { ...amount, minor: fromEscrow },
      source: 'escrow',
      refundId,
    });
  }
  if (rest > 0n) {
    draft.emit({
      type: 'refund_issued',
      amount: { ...amount, minor: rest },
      source: 'seller_balance',
      refundId,
    });
  }
}

export function resolve(
  draft: Draft,
  how: ResolutionHow,
  outcome: 'refund' | 'no_refund' | 'replacement',
  responsibility: Responsibility,
): void {
  const d = draft.dispute;
  const resolution = {
    outcome,
    refunded: { minor: refundedTotal(d), currency: d.order.paid.currency },
    responsibility,
    how,
    at: draft.now,
  };
  // Only a ruling can be appealed (however it was carried out, a ruled return included);
  // agreements and their timeouts are final at once.
  if (d.ruling !== undefined && d.appeal === undefined) {
    const appealDueAt = later(draft.now, d.policy.values.appealMs);
    draft.emit({ type: 'dispute_resolved', resolution, appealDueAt });
  } else {
    draft.emit({ type: 'dispute_resolved', resolution });
  }
  releaseIfDue(draft);
}

/** What is left in escrow goes to the seller once nothing can change the outcome. */
export function releaseIfDue(draft: Draft): void {
  const d = draft.dispute;
  if (!d.final || !d.orderCompleted || d.escrowFrozen || d.escrowHeldMinor <= 0n) return;
  if (d.status !== 'resolved') return;
  draft.emit({
    type: 'funds_released',
    amount: { minor: d.escrowHeldMinor, currency: d.order.paid.currency },
  });
}

export function startReturn(
  draft: Draft,
  terms: { amount: Money; postagePaidBy: PostagePayer; postage?: Money },
  via: 'agreement' | 'ruling',
): void {
  const d = draft.dispute;
  const p = d.policy.values;
  const common = {
    amount: terms.amount,
    postagePaidBy: terms.postagePaidBy,
    ...(terms.postage === undefined ? {} : { postage: terms.postage }),
    // Numbered per dispute, so a second return (after an escalation's ruling) has its own.
    rmaNumber: `RMA-${d.id}-${(d.returnsStarted ?? 0) + 1}`,
    via,
  };
  if (p.localReturn) {
    const dueAt = later(draft.now, p.returnLabelMs);
    draft.emit({ type: 'return_started', ...common, status: 'awaiting_return_label', dueAt });
  } else {
    const dueAt = later(draft.now, p.returnShipmentMs);
    draft.emit({ type: 'return_started', ...common, status: 'awaiting_return_shipment', dueAt });
  }
}

/** Both sides agreed (or the seller's silence agreed): carry the terms out. */
export function carryOutAgreement(draft: Draft, terms: Terms, offerId: string): void {
  switch (terms.kind) {
    case 'refund':
      payRefund(draft, terms.amount, 'seller');
      resolve(draft, howAgreed(draft), 'refund', 'none');
      return;
    case 'return_and_refund':
      startReturn(draft, terms, 'agreement');
      return;
    case 'replacement':
      draft.emit({
        type: 'replacement_started',
        dueAt: later(draft.now, draft.dispute.policy.values.replacementDeliveryMs),
      });
      return;
    case 'coupon': {
      // The buyer withdraws the dispute in exchange for the coupon (domain.md).
      const coupon = {
        code: `CPN-${offerId}`,
        value: terms.value,
        minSpend: terms.minSpend,
        expiresAt: terms.expiresAt,
      };
      draft.emit({ type: 'coupon_issued', coupon });
      draft.emit({ type: 'dispute_cancelled', reason: 'coupon accepted', how: 'coupon_accepted' });
      return;
    }
  }
}

function howAgreed(draft: Draft): ResolutionHow {
  return draft.actor.role === 'system' ? 'seller_response_timeout' : 'negotiation';
}
