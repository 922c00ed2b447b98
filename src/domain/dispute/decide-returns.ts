// The return stage (label, shipment, delivery, receipt) and replacements.
import { later } from '../instant.ts';
import { type Rejection, rejection } from '../rejections.ts';
import type { DisputeCommand } from './commands.ts';
import type { Draft } from './draft.ts';
import { fundingFor, payRefund, resolve } from './settlement.ts';
import type { ReturnPlan } from './state.ts';
import { checkText, SHORT_CHARS_MAX } from './text.ts';

type Cmd<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;

function checkTracking(carrier: string, trackingNumber: string): Rejection | undefined {
  return (
    checkText('carrier', carrier, { maxChars: SHORT_CHARS_MAX, required: true }) ??
    checkText('trackingNumber', trackingNumber, { maxChars: SHORT_CHARS_MAX, required: true })
  );
}

export function supplyReturnLabel(
  draft: Draft,
  cmd: Cmd<'supply_return_label'>,
): Rejection | undefined {
  const refused = checkTracking(cmd.carrier, cmd.trackingNumber);
  if (refused !== undefined) return refused;
  draft.emit({
    type: 'return_label_supplied',
    label: { carrier: cmd.carrier, trackingNumber: cmd.trackingNumber, at: draft.now },
    shipmentDueAt: later(draft.now, draft.dispute.policy.values.returnShipmentMs),
  });
  return undefined;
}

export function shipReturn(draft: Draft, cmd: Cmd<'ship_return'>): Rejection | undefined {
  const refused = checkTracking(cmd.carrier, cmd.trackingNumber);
  if (refused !== undefined) return refused;
  draft.emit({
    type: 'return_shipped',
    shipment: { carrier: cmd.carrier, trackingNumber: cmd.trackingNumber, at: draft.now },
    receiptDueAt: later(draft.now, draft.dispute.policy.values.confirmReceiptMs),
  });
  return undefined;
}

export function recordReturnDelivered(
  draft: Draft,
  cmd: Cmd<'record_return_delivered'>,
): Rejection | undefined {
  const plan = draft.dispute.returnPlan;
  if (plan?.shipment === undefined) {
    return rejection('dispute.wrong_state', 'no return shipment is on its way');
  }
  if (plan.deliveredAt !== undefined) return undefined; // carriers repeat themselves
  draft.emit({ type: 'return_delivered', deliveredAt: cmd.deliveredAt });
  return undefined;
}

/** The seller confirmed receipt, or stayed silent until the countdown ended: the refund executes. */
export function refundReturn(draft: Draft, how: 'confirmed' | 'timeout'): void {
  const d = draft.dispute;
  const plan = d.returnPlan as ReturnPlan;
  const ruled = plan.via === 'ruling' && d.ruling !== undefined;
  const responsibility = ruled && d.ruling ? d.ruling.responsibility : 'none';
  payRefund(draft, plan.amount, fundingFor(responsibility, d.order.outboundChannel));
  if (how === 'timeout') {
    resolve(draft, 'return_receipt_timeout', 'refund', responsibility);
  } else {
    resolve(draft, ruled ? 'arbitration' : 'negotiation', 'refund', responsibility);
  }
}

export function confirmReceipt(draft: Draft): Rejection | undefined {
  draft.emit({ type: 'return_receipt_confirmed' });
  refundReturn(draft, 'confirmed');
  return undefined;
}

export function shipReplacement(draft: Draft, cmd: Cmd<'ship_replacement'>): Rejection | undefined {
  const refused = checkTracking(cmd.carrier, cmd.trackingNumber);
  if (refused !== undefined) return refused;
  draft.emit({
    type: 'replacement_shipped',
    shipment: { carrier: cmd.carrier, trackingNumber: cmd.trackingNumber, at: draft.now },
  });
  return undefined;
}

export function recordReplacementDelivered(
  draft: Draft,
  cmd: Cmd<'record_replacement_delivered'>,
): Rejection | undefined {
  if (draft.dispute.replacement?.shipment === undefined) {
    return rejection('dispute.wrong_state', 'no replacement has been shipped');
  }
  draft.emit({ type: 'replacement_delivered', deliveredAt: cmd.deliveredAt });
  resolve(draft, 'negotiation', 'replacement', 'none');
  return undefined;
}
