// Whether a chargeback holds an order's escrow, read inside the transaction that writes the
// hold onto a dispute. Reading it there, after the dispute row's version is read and before
// the version-checked write, is what makes concurrent chargeback decisions converge: a hold
// computed from a status that changed since is written at a version that has moved on too, so
// it fails the version check and is recomputed. A dispute about to move money catches up on
// chargebacks lost since it last heard in order-money-catch-up.ts.
import {
  accounts,
  type ChargebackId,
  type Dispute,
  type DisputeCommand,
  type OrderId,
} from '../domain/index.ts';
import { accountBalance, orderRecovery } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';
import { loadChargeback } from './chargeback-writer.ts';

/** Chargeback statuses the processor has not decided yet: the escrow stays frozen. */
export const UNDECIDED = ['awaiting_defence', 'defended', 'defence_lapsed'] as const;

/** An undecided chargeback of the order, if there is one. */
export async function undecidedChargeback(
  trx: Store['db'],
  orderId: OrderId,
): Promise<ChargebackId | undefined> {
  const row = await trx
    .selectFrom('chargebacks')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', 'in', UNDECIDED)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id as ChargebackId | undefined;
}

/**
 * The hold the dispute should have now: frozen while any chargeback of its order is undecided,
 * with the escrow re-based on the ledger (a lost chargeback's money is not released) and what
 * lost chargebacks took (the dispute may not refund it again).
 */
export async function holdCommand(
  trx: Store['db'],
  dispute: Dispute,
  chargebackId: ChargebackId,
): Promise<Extract<DisputeCommand, { type: 'record_escrow_hold' }>> {
  const { orderId, paid } = dispute.order;
  return {
    type: 'record_escrow_hold',
    frozen: (await undecidedChargeback(trx, orderId)) !== undefined,
    chargebackId,
    escrowHeldMinor: await accountBalance(trx, accounts.escrow(orderId), paid.currency),
    chargebacksTakenMinor: (await orderRecovery(trx, orderId, paid.currency)).chargedBackMinor,
  };
}

type Close = Extract<DisputeCommand, { type: 'close_by_chargeback' }>;

/**
 * What the chargeback's latest state asks of the dispute: a chargeback decided against the
 * seller (lost, partly lost, conceded) closes it; otherwise (undecided, or won) only the hold.
 * The engine turns a close of a dispute past its ruling back into the hold (decide-chargeback.ts).
 */
export async function chargebackCommand(
  trx: Store['db'],
  dispute: Dispute,
  chargebackId: ChargebackId,
): Promise<Close | Extract<DisputeCommand, { type: 'record_escrow_hold' }>> {
  const hold = await holdCommand(trx, dispute, chargebackId);
  const c = (await loadChargeback(trx, chargebackId))?.chargeback;
  if (c === undefined || c.status !== 'lost') return hold;
  const lost = c.amountLost ?? c.amount;
  return {
    type: 'close_by_chargeback',
    chargebackId,
    outcome:
      c.conceded === true ? 'conceded' : lost.minor < c.amount.minor ? 'partially_lost' : 'lost',
    amountLostMinor: lost.minor,
    frozen: hold.frozen,
    ...(hold.escrowHeldMinor === undefined ? {} : { escrowHeldMinor: hold.escrowHeldMinor }),
    ...(hold.chargebacksTakenMinor === undefined
      ? {}
      : { chargebacksTakenMinor: hold.chargebacksTakenMinor }),
  };
}
