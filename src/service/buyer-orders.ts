// A buyer's own orders for the console's "my orders": what was bought and paid, what can still be
// refunded (paid, less earlier refunds and what lost chargebacks took: what a new dispute may
// ask for at most), and the disputes already opened on each.
import { type OrderFacts, orderRecoverableMinor } from '../domain/index.ts';
import type { Store } from '../store/store.ts';
import { loadOrderFacts } from './order-facts.ts';

export const BUYER_ORDERS_MAX = 100;

export interface BuyerOrder {
  readonly order: OrderFacts;
  readonly recoverableMinor: bigint;
  readonly items: readonly { readonly title: string; readonly quantity: number }[];
  readonly disputes: readonly { readonly id: string; readonly status: string }[];
}

/** The buyer's most recent orders, newest first. */
export async function listBuyerOrders(store: Store, buyerId: string): Promise<BuyerOrder[]> {
  const db = store.db;
  const rows = await db
    .selectFrom('orders')
    .select('id')
    .where('buyer_id', '=', buyerId)
    .orderBy('paid_at', 'desc')
    .orderBy('id')
    .limit(BUYER_ORDERS_MAX)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, disputes] = await Promise.all([
    db
      .selectFrom('order_items')
      .select(['order_id', 'title', 'quantity', 'line'])
      .where('order_id', 'in', ids)
      .orderBy('line')
      .execute(),
    db
      .selectFrom('disputes')
      .select(['id', 'order_id', 'status'])
      .where('order_id', 'in', ids)
      .orderBy('opened_at')
      .execute(),
  ]);
  const out: BuyerOrder[] = [];
  for (const id of ids) {
    const order = await loadOrderFacts(db, id);
    if (order === undefined) continue;
    out.push({
      order,
      recoverableMinor: orderRecoverableMinor(order),
      items: items
        .filter((i) => i.order_id === id)
        .map((i) => ({ title: i.title, quantity: i.quantity })),
      disputes: disputes
        .filter((d) => d.order_id === id)
        .map((d) => ({ id: d.id, status: d.status })),
    });
  }
  return out;
}
