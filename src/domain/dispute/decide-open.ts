// Opening a dispute: the buyer's window, the request, and after-sales protection.

import type { OfferId } from '../ids.ts';
import { earliest, type Instant, later } from '../instant.ts';
import type { Policy } from '../policy.ts';
import { type Rejection, rejection } from '../rejections.ts';
import { checkAmount, checkPostage } from './amounts.ts';
import type { DisputeCommand } from './commands.ts';
import { addEvidence } from './decide-evidence.ts';
import type { Draft } from './draft.ts';
import { checkDisputedLines, coveredLines, linesCapMinor } from './lines.ts';
import { payRefund, resolve } from './settlement.ts';
import { type OrderFacts, orderRecoverableMinor } from './state.ts';
import { checkText, NOTE_CHARS_MAX } from './text.ts';

type Open = Extract<DisputeCommand, { type: 'open' }>;

export function open(draft: Draft, cmd: Open, policy: Policy): Rejection | undefined {
  const refused = checkOpen(draft, cmd, policy);
  if (refused !== undefined) return refused;
  const p = policy.values;
  draft.emit({
    type: 'dispute_opened',
    disputeId: cmd.disputeId,
    order: cmd.order,
    reason: cmd.reason,
    ...(cmd.subReason === undefined ? {} : { subReason: cmd.subReason }),
    description: cmd.description,
    request: {
      id: `${cmd.disputeId}.request` as OfferId,
      by: 'buyer',
      terms: cmd.request,
      note: cmd.description,
      at: draft.now,
      status: 'open',
    },
    policy,
    sellerResponseDueAt: later(draft.now, Math.min(p.sellerResponseMs, p.negotiationMs)),
    negotiationDueAt: later(draft.now, p.negotiationMs),
    // Recorded in full even when none were named, so the event says what the dispute covers.
    lines: coveredLines(cmd.order, cmd.lines),
  });
  for (const evidence of cmd.evidence ?? []) {
    const refusedEvidence = addEvidence(draft, evidence, 'buyer');
    if (refusedEvidence !== undefined) return refusedEvidence;
  }
  if (protectionCovers(cmd, policy)) protect(draft, cmd, policy);
  return undefined;
}

function checkOpen(draft: Draft, cmd: Open, policy: Policy): Rejection | undefined {
  const actor = draft.actor;
  if (actor.role !== 'buyer') {
    return rejection('actor.role_not_allowed', 'only the buyer can open a dispute');
  }
  if (actor.id !== cmd.order.buyerId) {
    return rejection('actor.not_party', 'no such order for this account');
  }
  if (cmd.request.kind !== 'refund' && cmd.request.kind !== 'return_and_refund') {
    return rejection(
      'open.request_kind_invalid',
      'a buyer requests a refund or a return and refund',
    );
  }
  if (cmd.subReason !== undefined && cmd.reason !== 'not_received') {
    return rejection('input.invalid', 'a sub-reason only goes with not_received', {
      field: 'subReason',
    });
  }
  if ((cmd.evidence?.length ?? 0) > policy.values.evidenceMax) {
    return rejection('evidence.limit_reached', 'too many evidence files');
  }
  const byOrder = orderRecoverableMinor(cmd.order);
  const byLines = linesCapMinor(cmd.order, cmd.lines);
  // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take
  const refundable = byLines < byOrder ? byLines : byOrder;
  return (
    checkText('description', cmd.description, { maxChars: NOTE_CHARS_MAX, required: true }) ??
    checkDisputedLines(cmd.order, cmd.lines) ??
    checkAmount('amount', cmd.request.amount, cmd.order.paid.currency, refundable) ??
    (cmd.request.kind === 'return_and_refund'
      ? checkPostage(cmd.order.paid, cmd.request, false)
      : undefined) ??
    checkWindow(cmd, draft.now, policy)
  );
}

/** domain.md's opening window; the refusal names the window so the buyer knows when to come back. */
export function checkWindow(cmd: Open, now: Instant, policy: Policy): Rejection | undefined {
  const o = cmd.order;
  const p = policy.values;
  if (cmd.reason === 'not_received') {
    const opensAt = notReceivedOpensAt(o, p.notReceivedAfterShipmentMs);
    if (opensAt === undefined || now < opensAt) {
      return rejection(
        'open.too_early',
        opensAt === undefined
          ? 'a not-received dispute can be opened once the order has shipped'
          : `a not-received dispute can be opened from ${new Date(opensAt).toISOString()}`,
        opensAt === undefined ? {} : { opensAt: new Date(opensAt).toISOString() },
      );
    }
  } else if (o.deliveredAt === undefined) {
    return rejection(
      'open.not_delivered',
      `a ${cmd.reason} dispute can be opened once the order is delivered`,
    );
  }
  if (o.completedAt !== undefined) {
    const closesAt = later(o.completedAt, p.openAfterCompletionMs);
    if (now >= closesAt) {
      return rejection(
        'open.too_late',
        `disputes on this order could be opened until ${new Date(closesAt).toISOString()}`,
        {
          closedAt: new Date(closesAt).toISOString(),
        },
      );
    }
  }
  return undefined;
}

function notReceivedOpensAt(o: OrderFacts, afterShipmentMs: number): Instant | undefined {
  const fromShipment = o.shippedAt === undefined ? undefined : later(o.shippedAt, afterShipmentMs);
  if (fromShipment === undefined) return o.promisedDeliveryAt;
  return o.promisedDeliveryAt === undefined
    ? fromShipment
    : earliest(fromShipment, o.promisedDeliveryAt);
}

function protectionCovers(cmd: Open, policy: Policy): boolean {
  const p = policy.values;
  return (
    cmd.order.protectionEnrolled &&
    p.protectionReasons.includes(cmd.reason) &&
    cmd.request.amount.minor <= p.protectionAmountCapMinor
  );
}

// The protection fund refunds at once; the seller pays its per-order fee instead of the refund,
// and the dispute is left out of the seller's metrics.
function protect(draft: Draft, cmd: Open, policy: Policy): void {
  payRefund(draft, cmd.request.amount, 'protection');
  const fee = { minor: policy.values.protectionFeeMinor, currency: cmd.order.paid.currency };
  if (fee.minor > 0n) draft.emit({ type: 'protection_fee_charged', amount: fee });
  resolve(draft, 'protection', 'refund', 'none');
}
