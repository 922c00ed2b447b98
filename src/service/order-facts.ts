// The order as the engine needs it when a dispute opens, gathered from what the marketplace fed
// in (orders, sellers, shipments, tracking) and from the ledger (escrow held, refunded before,
// what lost chargebacks took).
import type { Kysely } from 'kysely';
import {
  accounts,
  type BuyerId,
  instant,
  money,
  type OrderFacts,
  type OrderId,
  type SellerId,
} from '../domain/index.ts';
import { accountBalance, orderRecovery } from '../store/ledger-store.ts';
import type { Database } from '../store/schema.ts';
import { loadOrderLines } from './order-lines.ts';

const at = (d: Date | null) => (d === null ? undefined : instant(d.getTime()));

export async function loadOrderFacts(
  db: Kysely<Database>,
  orderId: string,
): Promise<OrderFacts | undefined> {
  const order = await db
    .selectFrom('orders')
    .innerJoin('sellers', 'sellers.id', 'orders.seller_id')
    .selectAll('orders')
    .select(['sellers.country as seller_country', 'sellers.protection_enrolled'])
    .where('orders.id', '=', orderId)
    .executeTakeFirst();
  if (order === undefined) return undefined;
  const outbound = await db
    .selectFrom('shipments')
    .select(['id', 'channel'])
    .where('order_id', '=', orderId)
    .where('direction', '=', 'outbound')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const signed =
    outbound === undefined
      ? undefined
      : await db
          .selectFrom('tracking_events')
          .select('id')
          .where('shipment_id', '=', outbound.id)
          .where('status', '=', 'delivered')
          .where('signed', '=', true)
          .executeTakeFirst();
  const escrow = await accountBalance(db, accounts.escrow(orderId as OrderId), order.currency);
  const recovery = await orderRecovery(db, orderId, order.currency);
  const facts: OrderFacts = {
    orderId: order.id as OrderId,
    sellerId: order.seller_id as SellerId,
    buyerId: order.buyer_id as BuyerId,
    buyerCountry: order.buyer_country,
    sellerCountry: order.seller_country,
    paid: money(order.amount_paid_minor, order.currency),
    paidAt: instant(order.paid_at.getTime()),
    outboundChannel: outbound?.channel ?? 'seller',
    refundedBefore: money(recovery.refundedMinor, order.currency),
    escrowHeld: money(escrow, order.currency),
    // Only when a chargeback took something, so facts of orders without one read as before.
    ...(recovery.chargedBackMinor > 0n
      ? { chargebacksTaken: money(recovery.chargedBackMinor, order.currency) }
      : {}),
    protectionEnrolled: order.protection_enrolled,
    deliveredWithSignature: signed !== undefined,
    lines: await loadOrderLines(db, order),
  };
  return withDates(facts, order);
}

function withDates(
  facts: OrderFacts,
  o: {
    shipped_at: Date | null;
    promised_delivery_at: Date | null;
    delivered_at: Date | null;
    completed_at: Date | null;
  },
): OrderFacts {
  const dates = {
    shippedAt: at(o.shipped_at),
    promisedDeliveryAt: at(o.promised_delivery_at),
    deliveredAt: at(o.delivered_at),
    completedAt: at(o.completed_at),
  };
  return {
    ...facts,
    ...Object.fromEntries(Object.entries(dates).filter(([, v]) => v !== undefined)),
  };
}
