// Orders nothing goes wrong with, loaded in bulk (issue 13: most orders have no dispute, only
// those that do need the engine in detail). Each is the order row, its capture into escrow and
// its confirmation in the seller's metric buckets, the same rows the feed writes one by one
// (service/marketplace.ts), in a few statements per chunk. Their escrow release is not
// simulated: no dispute policy changes it, and it would cost a write per order.
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
      await trx
        .insertInto('orders')
        .values(
          chunk.map((o) => ({
            id: o.id,
            seller_id: sellerIdOf(o.sellerIndex),
            buyer_id: o.buyerId,
            buyer_country: o.buyerCountry,
            currency: CURRENCY,
            amount_paid_minor: BigInt(o.amountMinor),
            paid_at: new Date(o.paidAt),
            promised_delivery_at: null,
            status: 'completed' as const,
            completed_by: o.completedBy,
            completed_at: new Date(o.completedAt as number),
            delivered_at: new Date(o.deliveredAt as number),
            shipped_at: new Date(o.shippedAt),
          })),
        )
        .execute();
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
