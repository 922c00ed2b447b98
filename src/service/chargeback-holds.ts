// Whether a chargeback holds an order's escrow, read inside the transaction that writes the
// hold onto a dispute. Reading it there, after the dispute row's version is read and before
// the version-checked write, is what makes concurrent chargeback decisions converge: a hold
// computed from a status that changed since is written at a version that has moved on too, so
// it fails the version check and is recomputed.
import {
  accounts,
  type ChargebackId,
  type Dispute,
  type DisputeCommand,
  type DisputeEvent,
  type OrderId,
} from '../domain/index.ts';
import { accountBalance, orderRecovery } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';

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

/** Whether a decision pays the buyer: only then must it know what chargebacks took. */
export function paysBuyer(events: readonly DisputeEvent[]): boolean {
  return events.some((e) => e.type === 'refund_issued');
}

/**
 * Before a dispute pays the buyer: the hold to decide first if a chargeback lost since the
 * dispute last heard took money on the order (undefined when the dispute is up to date). The
 * order row is share-locked for the rest of the transaction, so a chargeback loss (which locks
 * it FOR UPDATE before reading the ledger) either sees this refund or is seen by it: the buyer
 * never recovers the same money twice through a race between the two.
 */
export async function chargebackCatchUp(
  trx: Store['db'],
  dispute: Dispute,
): Promise<Extract<DisputeCommand, { type: 'record_escrow_hold' }> | undefined> {
  const { orderId, paid } = dispute.order;
  await trx.selectFrom('orders').select('id').where('id', '=', orderId).forShare().execute();
  const { chargedBackMinor } = await orderRecovery(trx, orderId, paid.currency);
  if (chargedBackMinor <= (dispute.chargebacksTakenMinor ?? 0n)) return undefined;
  const lost = await trx
    .selectFrom('chargebacks')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'lost')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return holdCommand(trx, dispute, lost.id as ChargebackId);
}
