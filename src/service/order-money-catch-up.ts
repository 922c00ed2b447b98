// Before a dispute write moves money on its order (a refund, a release), the order row is locked
// FOR UPDATE and the dispute catches up with the ledger: what the escrow really holds, what lost
// chargebacks took, and what the order's other disputes refunded. Each dispute keeps its own figure of the order's escrow, which goes
// stale when another dispute of the order, a lost chargeback or the order's own release moves
// it; deciding on a stale figure pays the same escrow twice. Every writer that moves an order's
// escrow (these dispute writes, a chargeback loss, the order-level release) holds the order row
// exclusively while it reads the ledger and writes, so the figure the engine decides on is the
// ledger's, and nothing moves it before the write commits: escrow never goes below zero.
import {
  accounts,
  type ChargebackId,
  type Dispute,
  type DisputeCommand,
  type DisputeEvent,
  type OrderId,
  refundedTotal,
} from '../domain/index.ts';
import { orderMoney } from '../store/ledger-store.ts';
import { lockOrderRows } from '../store/order-locks.ts';
import type { Store } from '../store/store.ts';
import { holdCommand } from './chargeback-holds.ts';
import { lineRefundList, linesByOthers } from './order-lines.ts';

type EscrowHold = Extract<DisputeCommand, { type: 'record_escrow_hold' }>;

/** Whether a decision moves money on the order: pays the buyer, or moves the escrow. */
export function movesMoney(events: readonly DisputeEvent[]): boolean {
  return events.some((e) => e.type === 'refund_issued' || e.type === 'funds_released');
}

/**
 * Locks the orders' rows FOR UPDATE for the rest of the transaction, in id order, so two
 * writers locking several orders (runner batches) can never wait on each other in a cycle.
 * Rows the transaction holds already are not locked again.
 */
export async function lockOrders(trx: Store['db'], orderIds: readonly OrderId[]): Promise<void> {
  await lockOrderRows(trx, orderIds);
}

/**
 * The hold to decide before the dispute moves money, so its figures equal the ledger's;
 * undefined when it is up to date. The caller must hold the order row (lockOrders) until its
 * write commits. A chargeback lost since the dispute last heard brings its full hold (what it
 * took, and whether another still freezes the escrow); otherwise the escrow is re-based with the
 * hold left as the dispute has it. Either way it carries what the order's other disputes
 * refunded, when that grew since (an earlier dispute's appeal may refund after this one opened).
 */
export async function catchUpWithOrder(
  trx: Store['db'],
  dispute: Dispute,
): Promise<EscrowHold | undefined> {
  const { orderId, paid } = dispute.order;
  // One statement after the lock (not the locking one: under READ COMMITTED, a statement that
  // waited for the lock may not see what the writer it waited for committed).
  const { refundedMinor, chargedBackMinor, escrowHeldMinor } = await orderMoney(
    trx,
    orderId,
    accounts.escrow(orderId),
    paid.currency,
  );
  const refundedByOthersMinor = refundedMinor - refundedTotal(dispute);
  const chargebacksBehind = chargedBackMinor > (dispute.chargebacksTakenMinor ?? 0n);
  const refundsBehind = refundedByOthersMinor > dispute.order.refundedBefore.minor;
  if (!chargebacksBehind && !refundsBehind && escrowHeldMinor >= dispute.escrowHeldMinor)
    return undefined;
  const hold: EscrowHold = chargebacksBehind
    ? await holdCommand(trx, dispute, await lastLostChargeback(trx, orderId))
    : { type: 'record_escrow_hold', frozen: dispute.escrowFrozen, escrowHeldMinor };
  if (!refundsBehind) return hold;
  const lines = lineRefundList(await linesByOthers(trx, orderId, dispute.id));
  return { ...hold, refundedByOthersMinor, lineRefundsByOthers: lines };
}

async function lastLostChargeback(trx: Store['db'], orderId: OrderId): Promise<ChargebackId> {
  const lost = await trx
    .selectFrom('chargebacks')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'lost')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return lost.id as ChargebackId;
}
