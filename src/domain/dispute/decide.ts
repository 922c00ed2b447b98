// decide(command, state, now, policy) -> events or a typed rejection. Pure: no I/O, no clock;
// the shell passes `now` and, for opening, the policy resolved for the order's markets. After
// opening, a dispute runs on the policy copied into its first event.
import type { Instant } from '../instant.ts';
import type { Policy } from '../policy.ts';
import { type Rejection, rejection } from '../rejections.ts';
import type { CommandEnvelope, DisputeCommand } from './commands.ts';
import { assertNever } from './deadlines.ts';
import { closeByChargeback } from './decide-chargeback.ts';
import { fireDeadline } from './decide-deadlines.ts';
import { cancel, escalate, withdrawEscalation } from './decide-escalation.ts';
import {
  addEvidence,
  confirmFindings,
  postMessage,
  requestEvidence,
  uploaderOf,
} from './decide-evidence.ts';
import { acceptOffer, proposeOffer, rejectOffer } from './decide-negotiation.ts';
import { open } from './decide-open.ts';
import { recordRefundResult } from './decide-refunds.ts';
import {
  confirmReceipt,
  recordReplacementDelivered,
  recordReturnDelivered,
  setReturnDetails,
  shipReplacement,
  shipReturn,
  supplyReturnLabel,
} from './decide-returns.ts';
import { appeal, decideAppeal, rule } from './decide-ruling.ts';
import { Draft } from './draft.ts';
import type { DisputeEvent } from './events.ts';
import { checkAction } from './guards.ts';
import { releaseIfDue } from './settlement.ts';
import type { Dispute } from './state.ts';

export type Decision =
  | { readonly ok: true; readonly events: readonly DisputeEvent[] }
  | { readonly ok: false; readonly rejection: Rejection };

export function decide(
  { command, actor }: CommandEnvelope,
  state: Dispute | undefined,
  now: Instant,
  policy: Policy,
): Decision {
  const draft = new Draft(state, actor, now);
  const refused = run(draft, command, state, policy);
  return refused === undefined
    ? { ok: true, events: draft.events }
    : { ok: false, rejection: refused };
}

function run(
  draft: Draft,
  command: DisputeCommand,
  state: Dispute | undefined,
  policy: Policy,
): Rejection | undefined {
  if (command.type === 'open') {
    if (state !== undefined)
      return rejection('dispute.already_exists', 'this dispute id is already taken');
    return open(draft, command, policy);
  }
  if (state === undefined) return rejection('dispute.not_found', 'no such dispute');
  return checkAction(command.type, state, draft.actor, draft.now) ?? dispatch(draft, command);
}

function dispatch(
  draft: Draft,
  c: Exclude<DisputeCommand, { type: 'open' }>,
): Rejection | undefined {
  switch (c.type) {
    case 'propose_offer':
      return proposeOffer(draft, c);
    case 'accept_offer':
      return acceptOffer(draft, c);
    case 'reject_offer':
      return rejectOffer(draft, c);
    case 'request_evidence':
      return requestEvidence(draft, c);
    case 'add_evidence':
      return addEvidence(draft, c.evidence, uploaderOf(draft));
    case 'confirm_findings':
      return confirmFindings(draft, c);
    case 'post_message':
      return postMessage(draft, c);
    case 'cancel':
      return cancel(draft, c);
    case 'escalate':
      return escalate(draft, c);
    case 'withdraw_escalation':
      return withdrawEscalation(draft);
    case 'supply_return_label':
      return supplyReturnLabel(draft, c);
    case 'ship_return':
      return shipReturn(draft, c);
    case 'record_return_delivered':
      return recordReturnDelivered(draft, c);
    case 'confirm_receipt':
      return confirmReceipt(draft, c);
    case 'set_return_details':
      return setReturnDetails(draft, c);
    case 'record_refund_result':
      return recordRefundResult(draft, c);
    case 'ship_replacement':
      return shipReplacement(draft, c);
    case 'record_replacement_delivered':
      return recordReplacementDelivered(draft, c);
    case 'record_order_completed':
      // A cancelled dispute never changes again: the order's own flow releases its escrow.
      if (draft.dispute.orderCompleted || draft.dispute.status === 'cancelled') return undefined;
      draft.emit({ type: 'order_completed', completedAt: c.completedAt });
      releaseIfDue(draft);
      return undefined;
    case 'close_by_chargeback': {
      const instead = closeByChargeback(draft, c);
      return instead === undefined ? undefined : dispatch(draft, instead);
    }
    case 'record_escrow_hold': {
      // Repeating the current hold changes nothing, unless a chargeback took money or another
      // dispute refunded since (the dispute must know, or it could refund the buyer a second
      // time) or the escrow holds less than the dispute counts (it must not pay out what another
      // dispute, a chargeback or the order's own release already paid); lifting it releases
      // what is due.
      const known = draft.dispute.chargebacksTakenMinor ?? 0n;
      const taken = c.chargebacksTakenMinor ?? known;
      const others = c.refundedByOthersMinor;
      const refundedElsewhere =
        others !== undefined && others > draft.dispute.order.refundedBefore.minor;
      const held =
        c.escrowHeldMinor === undefined || c.escrowHeldMinor > 0n ? c.escrowHeldMinor : 0n;
      const less = held !== undefined && held < draft.dispute.escrowHeldMinor;
      if (draft.dispute.status === 'cancelled') return undefined;
      const news = taken > known || less || refundedElsewhere;
      if (draft.dispute.escrowFrozen === c.frozen && !news) return undefined;
      draft.emit({
        type: 'escrow_hold_changed',
        frozen: c.frozen,
        ...(c.chargebackId === undefined ? {} : { chargebackId: c.chargebackId }),
        ...(held === undefined ? {} : { escrowHeldMinor: held }),
        ...(taken > known ? { chargebacksTakenMinor: taken } : {}),
        ...(refundedElsewhere ? { refundedByOthersMinor: others } : {}),
        // Line figures travel with the order's: other disputes' refunds fall on some lines.
        ...(refundedElsewhere && c.lineRefundsByOthers !== undefined
          ? { lineRefundsByOthers: c.lineRefundsByOthers }
          : {}),
      });
      releaseIfDue(draft);
      return undefined;
    }
    case 'rule':
      return rule(draft, c);
    case 'appeal':
      return appeal(draft, c);
    case 'decide_appeal':
      return decideAppeal(draft, c);
    case 'fire_deadline':
      return fireDeadline(draft, c);
    default:
      return assertNever(c);
  }
}
