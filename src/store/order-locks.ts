// Order rows a transaction holds FOR UPDATE, and what it read of each under that lock. A money
// write locks its order (service/order-money-catch-up.ts) and the metrics projection of the same
// write needs that order locked too (store/seller-metrics-store.ts): remembering the lock per
// transaction spares the second `select … for update`, and the order's metrics facts read with
// the ledger's figures after the lock spare the projection its own read.
//
// Only what was read after the lock was taken is kept (under READ COMMITTED a statement that
// waited for the lock may not see what the writer it waited for committed; the next one does),
// and a writer that changes an order's facts in the transaction records them again.
import type { Kysely } from 'kysely';
import type { OrderMetricsFacts } from '../domain/index.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** Per transaction: the orders it locked, with their metrics facts when known. */
const held = new WeakMap<Db, Map<string, OrderMetricsFacts | undefined>>();

/**
 * Locks the orders' rows FOR UPDATE for the rest of the transaction, in id order (so writers
 * locking several orders never wait on each other in a cycle), skipping those it holds already.
 */
export async function lockOrderRows(trx: Db, orderIds: readonly string[]): Promise<void> {
  const mine = trx.isTransaction ? heldBy(trx) : new Map();
  const ids = [...new Set(orderIds)].filter((id) => !mine.has(id)).sort();
  if (ids.length === 0) return;
  await trx
    .selectFrom('orders')
    .select('id')
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const id of ids) mine.set(id, undefined);
}

/** Whether this transaction holds the order's row. */
export function holdsOrder(trx: Db, orderId: string): boolean {
  return held.get(trx)?.has(orderId) ?? false;
}

/** The order's metrics facts as this transaction last read or wrote them under its lock. */
export function heldFacts(trx: Db, orderId: string): OrderMetricsFacts | undefined {
  return held.get(trx)?.get(orderId);
}

/** Records the order's metrics facts as they now stand in this transaction (it holds the row). */
export function rememberFacts(trx: Db, facts: OrderMetricsFacts): void {
  if (trx.isTransaction && holdsOrder(trx, facts.orderId)) heldBy(trx).set(facts.orderId, facts);
}

function heldBy(trx: Db): Map<string, OrderMetricsFacts | undefined> {
  let mine = held.get(trx);
  if (mine === undefined) {
    mine = new Map();
    held.set(trx, mine);
  }
  return mine;
}
