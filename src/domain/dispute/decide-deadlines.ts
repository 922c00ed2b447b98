// A deadline is a command the runner sends with `now`. It is refused before its time and once
// it has had its effect (the state no longer yields it), so firing twice changes nothing.
import { later } from '../instant.ts';
import { type Rejection, rejection } from '../rejections.ts';
import type { DisputeCommand } from './commands.ts';
import { assertNever, findPending, isDue } from './deadlines.ts';
import { requestRefundRetry } from './decide-refunds.ts';
import { refundReturn } from './decide-returns.ts';
import type { Draft } from './draft.ts';
import { carryOutAgreement, payRefund, releaseIfDue, resolve } from './settlement.ts';
import type { ReturnPlan } from './state.ts';

type Fire = Extract<DisputeCommand, { type: 'fire_deadline' }>;

export function fireDeadline(draft: Draft, cmd: Fire): Rejection | undefined {
  const d = draft.dispute;
  const deadline = findPending(d, cmd.deadline, cmd.key);
  if (deadline === undefined) {
    return rejection('deadline.not_pending', `no ${cmd.deadline} deadline is pending`);
  }
  if (!isDue(deadline, draft.now)) {
    return rejection(
      'deadline.not_due',
      `the ${cmd.deadline} deadline falls at ${new Date(deadline.dueAt).toISOString()}`,
      {
        dueAt: new Date(deadline.dueAt).toISOString(),
      },
    );
  }
  draft.emit({
    type: 'deadline_fired',
    deadline: deadline.kind,
    dueAt: deadline.dueAt,
    ...(deadline.key === undefined ? {} : { key: deadline.key }),
  });
  applyDeadline(draft, deadline.kind, deadline.key);
  return undefined;
}

function applyDeadline(draft: Draft, kind: Fire['deadline'], key: string | undefined): void {
  const d = draft.dispute;
  switch (kind) {
    case 'seller_response': {
      // Silence accepts the buyer's request (domain.md).
      const request = d.offers.find((o) => o.by === 'buyer' && o.status === 'open');
      if (request === undefined)
        throw new Error('seller response deadline without a buyer request');
      draft.emit({
        type: 'agreement_reached',
        offerId: request.id,
        terms: request.terms,
        how: 'seller_response_timeout',
      });
      carryOutAgreement(draft, request.terms, request.id);
      return;
    }
    case 'negotiation_end':
      draft.emit({
        type: 'dispute_escalated',
        by: 'system',
        reason: 'negotiation_window_ended',
        note: '',
      });
      return;
    case 'return_label': {
      // The seller did not supply the label: the buyer is refunded without returning the goods.
      const plan = d.returnPlan as ReturnPlan;
      payRefund(draft, plan.amount, 'seller');
      resolve(draft, 'return_label_timeout', 'refund', 'seller');
      return;
    }
    case 'return_shipment':
      // The buyer did not ship: the dispute resolves for the seller, no refund.
      resolve(draft, 'return_shipment_timeout', 'no_refund', 'buyer');
      return;
    case 'confirm_receipt':
      refundReturn(draft, 'timeout');
      return;
    case 'replacement_delivery':
      draft.emit({
        type: 'replacement_lapsed',
        negotiationDueAt: later(draft.now, d.policy.values.negotiationMs),
      });
      return;
    case 'evidence_request':
      draft.emit({ type: 'evidence_request_lapsed', requestId: key as never });
      return;
    case 'appeal_window':
      draft.emit({ type: 'dispute_finalized' });
      releaseIfDue(draft);
      return;
    case 'refund_retry':
      requestRefundRetry(draft, key as string);
      return;
    default:
      assertNever(kind);
  }
}
