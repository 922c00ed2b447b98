// A chargeback decided against the seller (lost, partly lost, conceded) closes the order's open
// disputes: the processor already gave the buyer the money, so the dispute moves none itself
// and resolves final at once (nothing is left to appeal: the processor, not a ruling, decided).
// What the chargeback took less than the dispute asked is not owed any more either: the buyer
// chose the processor's route (docs/decisions/0002, item on chargeback closes).
import type { DisputeCommand } from './commands.ts';
import type { Draft } from './draft.ts';
import { releaseIfDue } from './settlement.ts';
import { refundedTotal, type Status } from './state.ts';

type Close = Extract<DisputeCommand, { type: 'close_by_chargeback' }>;

/** Before a ruling stands: a dispute resolved, appealed or cancelled is not closed, only held. */
const CLOSABLE: readonly Status[] = [
  'negotiating',
  'awaiting_return_label',
  'awaiting_return_shipment',
  'return_in_transit',
  'awaiting_replacement',
  'in_arbitration',
];

export function isClosableByChargeback(status: Status): boolean {
  return CLOSABLE.includes(status);
}

/**
 * Closes the dispute, or (past its ruling, or cancelled) returns the hold command to decide
 * instead, so the chargeback's figures reach it either way.
 */
export function closeByChargeback(
  draft: Draft,
  c: Close,
): Extract<DisputeCommand, { type: 'record_escrow_hold' }> | undefined {
  const d = draft.dispute;
  if (!isClosableByChargeback(d.status)) {
    return {
      type: 'record_escrow_hold',
      frozen: c.frozen,
      chargebackId: c.chargebackId,
      ...(c.escrowHeldMinor === undefined ? {} : { escrowHeldMinor: c.escrowHeldMinor }),
      ...(c.chargebacksTakenMinor === undefined
        ? {}
        : { chargebacksTakenMinor: c.chargebacksTakenMinor }),
    };
  }
  const held = c.escrowHeldMinor === undefined || c.escrowHeldMinor > 0n ? c.escrowHeldMinor : 0n;
  draft.emit({
    type: 'dispute_closed_by_chargeback',
    chargebackId: c.chargebackId,
    outcome: c.outcome,
    amountLostMinor: c.amountLostMinor,
    frozen: c.frozen,
    ...(held === undefined ? {} : { escrowHeldMinor: held }),
    ...(c.chargebacksTakenMinor === undefined
      ? {}
      : { chargebacksTakenMinor: c.chargebacksTakenMinor }),
  });
  const now = draft.dispute;
  draft.emit({
    type: 'dispute_resolved',
    resolution: {
      outcome: 'refund',
      refunded: { minor: refundedTotal(now), currency: now.order.paid.currency },
      responsibility: 'none',
      how: 'chargeback',
      at: draft.now,
    },
  });
  // What the chargeback left in escrow goes to the seller once the order is completed.
  releaseIfDue(draft);
  return undefined;
}
