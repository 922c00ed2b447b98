// Many disputes at once, for the multi-runner test and the store benchmark: orders captured
// into escrow and disputes opened through the real writer, in a few large transactions.
import { randomUUID } from 'node:crypto';
import {
  type BuyerId,
  capture,
  DAY_MS,
  DEFAULT_RESOLVED_POLICY,
  type DisputeId,
  instant,
  money,
  type OrderFacts,
  type OrderId,
  type SellerId,
} from '../../src/domain/index.ts';
import { decideAndWrite } from '../../src/service/dispute-writer.ts';
import { upsertBuyer, upsertSeller } from '../../src/service/marketplace.ts';
import { appendTransaction } from '../../src/store/ledger-store.ts';
import type { Store } from '../../src/store/store.ts';

export interface BulkOptions {
  readonly count: number;
  /** When the disputes open: their seller-response deadline falls 5 days later. */
  readonly openedAt: number;
  readonly prefix?: string;
  readonly perTransaction?: number;
  /** Called after each committed transaction with how many disputes exist so far. */
  readonly onProgress?: (done: number) => void;
}

export async function bulkDisputes(store: Store, o: BulkOptions): Promise<DisputeId[]> {
  const tag = o.prefix ?? randomUUID().slice(0, 8);
  const sellerId = `bulk-seller-${tag}` as SellerId;
  const buyerId = `bulk-buyer-${tag}` as BuyerId;
  await upsertSeller(store.db, { id: sellerId, name: 'Bulk store', country: 'CN' });
  await upsertBuyer(
    store.db,
    { id: buyerId, email: `${tag}@bulk.test`, name: 'Bulk buyer' },
    o.openedAt,
  );
  const ids: DisputeId[] = [];
  const per = o.perTransaction ?? 250;
  for (let start = 0; start < o.count; start += per) {
    const chunk = Array.from({ length: Math.min(per, o.count - start) }, (_, i) => start + i);
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('orders')
        .values(
          chunk.map((i) => ({
            id: `bulk-order-${tag}-${i}`,
            seller_id: sellerId,
            buyer_id: buyerId,
            buyer_country: 'US',
            currency: 'USD',
            amount_paid_minor: 2_000n,
            paid_at: new Date(o.openedAt - 20 * DAY_MS),
            promised_delivery_at: null,
            status: 'completed' as const,
            completed_by: 'buyer' as const,
            completed_at: new Date(o.openedAt - DAY_MS),
            delivered_at: new Date(o.openedAt - 2 * DAY_MS),
            shipped_at: new Date(o.openedAt - 18 * DAY_MS),
          })),
        )
        .execute();
      for (const i of chunk) {
        const order = facts(`bulk-order-${tag}-${i}` as OrderId, sellerId, buyerId, o.openedAt);
        const tx = capture(order);
        await appendTransaction(trx, {
          id: `capture:${order.orderId}`,
          orderId: order.orderId,
          kind: 'capture',
          at: order.paidAt,
          postings: tx.postings.map((p) => ({
            account: p.account,
            amountMinor: p.amount.minor,
            currency: p.amount.currency,
          })),
        });
        const disputeId = `bulk-${tag}-${i}` as DisputeId;
        const written = await decideAndWrite(
          trx,
          store.dialect,
          undefined,
          {
            actor: { role: 'buyer', id: buyerId },
            command: {
              type: 'open',
              disputeId,
              order,
              reason: 'damaged',
              request: { kind: 'refund', amount: money(1_000, 'USD') },
              description: 'bulk',
            },
          },
          instant(o.openedAt),
          DEFAULT_RESOLVED_POLICY,
        );
        if (!written.ok) throw new Error(`bulk open refused: ${written.rejection.code}`);
        ids.push(disputeId);
      }
    });
    o.onProgress?.(ids.length);
  }
  return ids;
}

function facts(
  orderId: OrderId,
  sellerId: SellerId,
  buyerId: BuyerId,
  openedAt: number,
): OrderFacts {
  const paid = money(2_000, 'USD');
  return {
    orderId,
    sellerId,
    buyerId,
    buyerCountry: 'US',
    sellerCountry: 'CN',
    paid,
    paidAt: instant(openedAt - 20 * DAY_MS),
    shippedAt: instant(openedAt - 18 * DAY_MS),
    deliveredAt: instant(openedAt - 2 * DAY_MS),
    completedAt: instant(openedAt - DAY_MS),
    outboundChannel: 'platform',
    refundedBefore: money(0, 'USD'),
    escrowHeld: paid,
    protectionEnrolled: false,
  };
}
