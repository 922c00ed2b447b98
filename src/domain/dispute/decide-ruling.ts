// The arbitrator's ruling, the appeal and its decision.
import type { Party } from '../actor.ts';
import type { StaffId } from '../ids.ts';
import { minMinor } from '../money.ts';
import { type Rejection, rejection } from '../rejections.ts';
import { checkAmount, checkPostage, checkRefundAmount } from './amounts.ts';
import type { DisputeCommand, RulingInput } from './commands.ts';
import type { Draft } from './draft.ts';
import { fundingFor, payRefund, releaseIfDue, resolve, startReturn } from './settlement.ts';
import {
  type Dispute,
  disputeCapMinor,
  type Ruling,
  refundedTotal,
  sellerFundedRefund,
} from './state.ts';
import { checkText, NOTE_CHARS_MAX, SHORT_CHARS_MAX } from './text.ts';

type Cmd<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;

function checkRulingWords(r: RulingInput): Rejection | undefined {
  if (r.responsibility === 'buyer' && r.outcome.kind !== 'no_refund') {
    return rejection(
      'ruling.refund_with_buyer_responsibility',
      'when the buyer is responsible nobody funds a refund: rule no_refund',
    );
  }
  return (
    checkText('reasonCode', r.reasonCode, { maxChars: SHORT_CHARS_MAX, required: true }) ??
    checkText('note', r.note, { maxChars: NOTE_CHARS_MAX, required: false })
  );
}

function checkRuling(d: Dispute, r: RulingInput): Rejection | undefined {
  return (
    checkRulingWords(r) ??
    (r.outcome.kind === 'no_refund'
      ? undefined
      : checkRefundAmount(d, 'amount', r.outcome.amount)) ??
    (r.outcome.kind === 'return_and_refund'
      ? checkPostage(d.order.paid, r.outcome, true)
      : undefined)
  );
}

function rulingOf(draft: Draft, input: RulingInput): Ruling {
  return { ...input, by: staff(draft), at: draft.now };
}

function staff(draft: Draft): StaffId {
  if (draft.actor.role !== 'arbitrator') throw new Error('only an arbitrator rules');
  return draft.actor.id;
}

export function rule(draft: Draft, cmd: Cmd<'rule'>): Rejection | undefined {
  const d = draft.dispute;
  const refused = checkRuling(d, cmd.ruling);
  if (refused !== undefined) return refused;
  const ruling = rulingOf(draft, cmd.ruling);
  draft.emit({ type: 'ruling_issued', ruling });
  const outcome = ruling.outcome;
  switch (outcome.kind) {
    case 'refund':
      payRefund(draft, outcome.amount, fundingFor(ruling.responsibility, d.order.outboundChannel));
      resolve(draft, 'arbitration', 'refund', ruling.responsibility);
      return undefined;
    case 'no_refund':
      resolve(draft, 'arbitration', 'no_refund', ruling.responsibility);
      return undefined;
    case 'return_and_refund':
      startReturn(draft, outcome, 'ruling');
      return undefined;
  }
}

export function appeal(draft: Draft, cmd: Cmd<'appeal'>): Rejection | undefined {
  const d = draft.dispute;
  const by = draft.actor.role as Party;
  const rulingAt = d.ruling?.at ?? d.openedAt;
  // "With new evidence": each file named must be the appellant's and added after the ruling.
  const fresh = cmd.evidenceIds.filter((id) =>
    d.evidence.some((e) => e.id === id && e.by === by && e.at >= rulingAt),
  );
  if (cmd.evidenceIds.length === 0 || fresh.length !== cmd.evidenceIds.length) {
    return rejection(
      'appeal.new_evidence_required',
      'an appeal names evidence you added after the ruling',
    );
  }
  const refused = checkText('note', cmd.note, { maxChars: NOTE_CHARS_MAX, required: true });
  if (refused !== undefined) return refused;
  draft.emit({
    type: 'appeal_filed',
    by,
    note: cmd.note,
    evidenceIds: [...new Set(cmd.evidenceIds)],
  });
  return undefined;
}

export function decideAppeal(draft: Draft, cmd: Cmd<'decide_appeal'>): Rejection | undefined {
  const d = draft.dispute;
  const before = d.resolution;
  if (before === undefined) throw new Error('appealed dispute without a resolution');
  if (cmd.decision === 'upheld') {
    draft.emit({ type: 'appeal_decided', decision: 'upheld', resolution: before });
    releaseIfDue(draft);
    return undefined;
  }
  if (cmd.ruling === undefined) {
    return rejection('appeal.ruling_required', 'overturning a ruling needs the new ruling');
  }
  if (cmd.ruling.outcome.kind === 'return_and_refund') {
    return rejection(
      'input.invalid',
      'an appeal decision refunds or does not; it does not start a return',
      {
        field: 'ruling.outcome',
      },
    );
  }
  return overturn(draft, cmd.ruling);
}

function overturn(draft: Draft, input: RulingInput): Rejection | undefined {
  const d = draft.dispute;
  const paid = refundedTotal(d);
  const owed = input.outcome.kind === 'refund' ? input.outcome.amount.minor : 0n;
  const currency = d.order.paid.currency;
  // The new amount is the dispute's total, capped by the order and by the lines it covers.
  const cap = disputeCapMinor(d);
  const refused =
    checkRulingWords(input) ??
    (input.outcome.kind === 'refund'
      ? checkAmount('amount', input.outcome.amount, currency, cap)
      : undefined);
  if (refused !== undefined) return refused;
  const funding = fundingFor(input.responsibility, d.order.outboundChannel);
  // What the seller has paid towards this dispute's refunds and not yet had back.
  const sellerPaid = sellerFundedRefund(d) - d.reimbursedMinor;
  if (owed > paid) payRefund(draft, { minor: owed - paid, currency }, funding);
  if (funding === 'logistics') {
    // The new ruling puts the refund on the platform's carrier: the seller funds none of it, so
    // everything the escrow or the seller's balance paid comes back from logistics compensation
    // (the buyer keeps what was paid out, up to the new amount; the rest the platform forgoes).
    if (sellerPaid > 0n)
      draft.emit({
        type: 'seller_reimbursed',
        amount: { minor: sellerPaid, currency },
        from: 'logistics_compensation',
      });
  } else if (owed < paid) {
    // The buyer keeps what was paid out; the platform, not the buyer, makes the seller whole.
    const back = minMinor(paid - owed, sellerPaid);
    if (back > 0n) draft.emit({ type: 'seller_reimbursed', amount: { minor: back, currency } });
  }
  const ruling = rulingOf(draft, input);
  const after = draft.dispute;
  draft.emit({
    type: 'appeal_decided',
    decision: 'overturned',
    ruling,
    resolution: {
      outcome: owed > 0n ? 'refund' : 'no_refund',
      refunded: { minor: refundedTotal(after), currency },
      responsibility: input.responsibility,
      how: 'appeal',
      at: draft.now,
    },
  });
  releaseIfDue(draft);
  return undefined;
}
