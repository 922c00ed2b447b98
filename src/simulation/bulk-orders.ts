// Orders nothing goes wrong with, loaded in bulk (issue 13: most orders have no dispute, only
// those that do need the engine in detail). Each is the order row, its capture into escrow and
// its confirmation in the seller's metric buckets, the same rows the feed writes one by one
// (service/marketplace.ts), in a few statements per chunk. Their escrow release is not
// simulated: no dispute policy changes it, and it would cost a write per order.

import { sql } from 'kysely';
import {
  type BuyerId,
  capture,
  type Instant,
  metricsContribution,
  money,
  type OrderId,
  type SellerId,
} from '../domain/index.ts';
import { appendTransactions } from '../store/ledger-store.ts';
import { addBucketDeltas, bucketDeltas } from '../store/seller-metrics-store.ts';
import type { Store } from '../store/store.ts';
import { type Column, insertRows } from '../store/unnest.ts';
import { buyerIdOf, SIMULATION_START_MS, type SimOrder } from './marketplace-plan.ts';

export const CURRENCY = 'USD';
const CHUNK = 2_000;

export async function insertQuietOrders(
  store: Store,
  orders: readonly SimOrder[],
  sellerIdOf: (index: number) => string,
): Promise<void> {
  for (let start = 0; start < orders.length; start += CHUNK) {
    const chunk = orders.slice(start, start + CHUNK);
    await store.db.transaction().execute(async (trx) => {
      // One parameter per column (unnest), not one per value: a chunk is one short statement.
      await sql`${insertRows('orders', chunk, orderColumns(sellerIdOf))}`.execute(trx);
      await appendTransactions(
        trx,
        chunk.map((o) => {
          const tx = capture({
            orderId: o.id as OrderId,
            buyerId: o.buyerId as BuyerId,
            paid: money(BigInt(o.amountMinor), CURRENCY),
          });
          return {
            id: `capture:${o.id}`,
            orderId: o.id,
            kind: tx.kind,
            at: o.paidAt,
            postings: tx.postings.map((p) => ({
              account: p.account,
              amountMinor: p.amount.minor,
              currency: p.amount.currency,
            })),
          };
        }),
      );
      await addBucketDeltas(
        trx,
        bucketDeltas(
          chunk.flatMap((o) => {
            const sellerId = sellerIdOf(o.sellerIndex) as SellerId;
            return metricsContribution({
              orderId: o.id as OrderId,
              sellerId,
              completedAt: o.completedAt as Instant,
              disputes: [],
            }).map((contribution) => ({ sellerId, contribution }));
          }),
        ),
      );
    });
  }
}

/** The buyers' accounts (no password: simulated buyers never sign in). */
export async function insertBuyers(store: Store, count: number): Promise<void> {
  for (let start = 1; start <= count; start += CHUNK) {
    const rows = [];
    for (let n = start; n < Math.min(count + 1, start + CHUNK); n += 1) {
      const id = buyerIdOf(n);
      rows.push({
        id,
        email: `${id}@buyers.example`,
        name: `Buyer ${n}`,
        password_hash: null,
        role: 'buyer' as const,
        seller_id: null,
        created_at: new Date(SIMULATION_START_MS),
      });
    }
    await store.db.insertInto('users').values(rows).execute();
  }
}

function orderColumns(sellerIdOf: (index: number) => string): readonly Column<SimOrder>[] {
  return [
    ['id', 'text', (o) => o.id],
    ['seller_id', 'text', (o) => sellerIdOf(o.sellerIndex)],
    ['buyer_id', 'text', (o) => o.buyerId],
    ['buyer_country', 'text', (o) => o.buyerCountry],
    ['currency', 'char(3)', () => CURRENCY],
    ['amount_paid_minor', 'bigint', (o) => BigInt(o.amountMinor)],
    ['paid_at', 'timestamptz', (o) => new Date(o.paidAt)],
    ['status', 'text', () => 'completed'],
    ['completed_by', 'text', (o) => o.completedBy],
    ['completed_at', 'timestamptz', (o) => new Date(o.completedAt as number)],
    ['delivered_at', 'timestamptz', (o) => new Date(o.deliveredAt as number)],
    ['shipped_at', 'timestamptz', (o) => new Date(o.shippedAt)],
  ];
}

/** The tables a bulk load grows, whose planner statistics must follow it. */
const BULK_TABLES = [
  'users',
  'orders',
  'ledger_transactions',
  'ledger_postings',
  'seller_metric_buckets',
] as const;

/**
 * Refreshes the planner's statistics of the bulk-loaded tables. A schema created for the run
 * starts with none, and autovacuum lags far behind a load of thousands of rows a second: the
 * planner then takes the tables for tiny and reads an order's ledger (orderRecovery, joined on
 * ledger_transactions.order_id) by scanning every posting, a cost that grows with the orders
 * loaded (measured: 48% of a 20,000-order run's time, see docs/benchmarks.md). ANALYZE samples
 * a fixed number of rows, so its cost stays flat; it changes plans, never results.
 */
export async function analyzeBulkTables(store: Store): Promise<void> {
  await sql`analyze ${sql.join(BULK_TABLES.map((t) => sql.table(t)))}`.execute(store.db);
}
