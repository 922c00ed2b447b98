// The runner's third duty, after dispute deadlines and chargeback defences: orders whose escrow
// no dispute will release (none was opened, or the last one was cancelled) get it released to
// the seller once the engine says so (domain/escrow-release.ts). Claimed like deadlines, with
// FOR UPDATE SKIP LOCKED on the order row, so runners share the work without overlap; the same
// lock keeps out dispute writes that move the order's money (order-money-catch-up.ts), so what
// the ledger's escrow holds cannot change between reading and releasing it.
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { accounts, decideEscrowRelease, type Instant, type OrderId } from '../domain/index.ts';
import { accountBalance, appendTransaction } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';
import { undecidedChargeback } from './chargeback-holds.ts';
import { loadOrderFacts } from './order-facts.ts';
import { loadPolicy } from './policy-store.ts';

/** Releases the escrow of the orders due by `now`; returns how many it released. */
export async function releaseDueEscrow(
  store: Store,
  now: Instant,
  limit: number,
  logger?: Logger,
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('orders')
      .select('id')
      .where('escrow_release_due_at', '<=', new Date(now))
      .orderBy('escrow_release_due_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    let released = 0;
    for (const { id } of due) {
      const orderId = id as OrderId;
      const order = await loadOrderFacts(trx, orderId);
      if (order === undefined) continue;
      const policy = await loadPolicy(trx, order);
      const inProgress = await trx
        .selectFrom('disputes')
        .select('id')
        .where('order_id', '=', orderId)
        .where(sql<boolean>`not coalesce((state ->> 'final')::boolean, false)`)
        .executeTakeFirst();
      const decision = decideEscrowRelease(
        {
          orderId,
          sellerId: order.sellerId,
          currency: order.paid.currency,
          completedAt: order.completedAt,
          escrowMinor: await accountBalance(trx, accounts.escrow(orderId), order.paid.currency),
          disputeInProgress: inProgress !== undefined,
          chargebackUndecided: (await undecidedChargeback(trx, orderId)) !== undefined,
        },
        now,
        policy,
      );
      if (decision.kind === 'release') {
        await appendTransaction(trx, {
          // One release per order: a second would collide here instead of paying twice.
          id: `escrow_release:${orderId}`,
          orderId,
          kind: decision.transaction.kind,
          at: now,
          postings: decision.transaction.postings.map((p) => ({
            account: p.account,
            amountMinor: p.amount.minor,
            currency: p.amount.currency,
          })),
        });
        released += 1;
        logger?.info({ orderId }, 'order escrow released to the seller');
      }
      await trx
        .updateTable('orders')
        .set({ escrow_release_due_at: decision.kind === 'wait' ? new Date(decision.until) : null })
        .where('id', '=', orderId)
        .execute();
    }
    return released;
  });
}
