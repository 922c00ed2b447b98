// The return stage (label, shipment, delivery, receipt) and replacements.
import { later } from '../instant.ts';
import { CONDITION_ESCALATION_REASONS } from '../reasons.ts';
import { type Rejection, rejection } from '../rejections.ts';
import type { DisputeCommand } from './commands.ts';
import type { Draft } from './draft.ts';
import { fundingFor, payRefund, resolve } from './settlement.ts';
import type { ReturnAddress, ReturnPlan } from './state.ts';
import { checkText, firstRejection, NOTE_CHARS_MAX, SHORT_CHARS_MAX } from './text.ts';

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
  const file = cmd.labelEvidenceId;
  // The file is the seller's own upload of kind return_label (a PDF or an image, checked and
  // sanitized by the evidence upload), named here so the buyer can print it.
  if (
    file !== undefined &&
    !draft.dispute.evidence.some(
      (e) => e.id === file && e.by === 'seller' && e.kind === 'return_label',
    )
  ) {
    return rejection(
      'return.label_not_found',
      `no return_label evidence ${file} from the seller: upload the label file first`,
      { labelEvidenceId: file },
    );
  }
  draft.emit({
    type: 'return_label_supplied',
    label: { carrier: cmd.carrier, trackingNumber: cmd.trackingNumber, at: draft.now },
    shipmentDueAt: later(draft.now, draft.dispute.policy.values.returnShipmentMs),
    ...(file === undefined ? {} : { labelEvidenceId: file }),
  });
  return undefined;
}

const ADDRESS_LINES_MAX = 4;

function checkAddress(a: ReturnAddress): Rejection | undefined {
  if (a.lines.length === 0 || a.lines.length > ADDRESS_LINES_MAX) {
    return rejection('input.invalid', `an address has 1 to ${ADDRESS_LINES_MAX} lines`, {
      field: 'address.lines',
    });
  }
  if (!/^[A-Z]{2}$/.test(a.country)) {
    return rejection('input.invalid', 'address.country is an ISO 3166-1 alpha-2 code', {
      field: 'address.country',
    });
  }
  const short = { maxChars: SHORT_CHARS_MAX, required: true };
  return firstRejection(
    checkText('address.name', a.name, short),
    ...a.lines.map((line) => checkText('address.lines', line, short)),
    checkText('address.city', a.city, short),
    checkText('address.postalCode', a.postalCode, short),
    a.region === undefined ? undefined : checkText('address.region', a.region, short),
  );
}

/** The seller gives the return address and, if it keeps its own, its RMA number. */
export function setReturnDetails(
  draft: Draft,
  cmd: Cmd<'set_return_details'>,
): Rejection | undefined {
  if (cmd.address === undefined && cmd.rmaNumber === undefined) {
    return rejection('input.invalid', 'give an address, an RMA number or both', {
      field: 'address',
    });
  }
  const refused =
    (cmd.address === undefined ? undefined : checkAddress(cmd.address)) ??
    (cmd.rmaNumber === undefined
      ? undefined
      : checkText('rmaNumber', cmd.rmaNumber, { maxChars: SHORT_CHARS_MAX, required: true }));
  if (refused !== undefined) return refused;
  draft.emit({
    type: 'return_details_set',
    ...(cmd.address === undefined ? {} : { address: cmd.address }),
    ...(cmd.rmaNumber === undefined ? {} : { rmaNumber: cmd.rmaNumber }),
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
  // The postage is spent once the parcel travels: the seller's or the platform's share is posted
  // now (the buyer's own postage never passes through Settle). Shipped once per return.
  const plan = draft.dispute.returnPlan as ReturnPlan;
  if (plan.postagePaidBy !== 'buyer' && plan.postage !== undefined && plan.postage.minor > 0n) {
    draft.emit({ type: 'return_postage_paid', amount: plan.postage, paidBy: plan.postagePaidBy });
  }
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

/**
 * The seller records what came back. As described: the refund executes. Anything else opens the
 * return-stage escalation with the condition's fixed reason; the seller writes only the note.
 */
export function confirmReceipt(draft: Draft, cmd: Cmd<'confirm_receipt'>): Rejection | undefined {
  const condition = cmd.condition ?? 'as_described';
  const note = cmd.note ?? '';
  const refused = checkText('note', note, { maxChars: NOTE_CHARS_MAX, required: false });
  if (refused !== undefined) return refused;
  draft.emit({
    type: 'return_receipt_confirmed',
    condition,
    ...(note === '' ? {} : { note }),
  });
  if (condition === 'as_described') {
    refundReturn(draft, 'confirmed');
    return undefined;
  }
  const d = draft.dispute;
  draft.emit({
    type: 'dispute_escalated',
    by: 'seller',
    reason: CONDITION_ESCALATION_REASONS[condition],
    note,
    resume: { status: d.status, remainingMs: Math.max(0, (d.stageDueAt ?? draft.now) - draft.now) },
  });
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
