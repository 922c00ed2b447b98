// What the marketplace feeds in (the integration's side): sellers, buyers, orders with the
// capture of the buyer's payment into escrow, shipments, carrier tracking and order status.
// Tracking that matters to a dispute (a return or replacement delivered) becomes a command.
import type { Kysely } from 'kysely';
import {
  type BuyerId,
  capture,
  type DisputeId,
  instant,
  MINUTE_MS,
  money,
  type OrderId,
  SYSTEM,
} from '../domain/index.ts';
import { appendTransaction } from '../store/ledger-store.ts';
import type {
  Database,
  ShipmentChannel,
  ShipmentDirection,
  TrackingStatus,
} from '../store/schema.ts';
import type { DisputeService } from './dispute-service.ts';
import { projectOrderConfirmed } from './seller-metrics-projection.ts';

type Db = Kysely<Database>;

/**
 * How far ahead of now a carrier may date a tracking event: clocks drift and carriers batch, so
 * a few minutes is normal; anything later has not happened yet, and recorded as a delivery it
 * would start the seller's countdown from a time that does not exist (issue 8, item 18).
 */
export const TRACKING_CLOCK_SKEW_MS = 15 * MINUTE_MS;

export interface SellerInput {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly protectionEnrolled?: boolean;
}

export interface BuyerInput {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

export interface OrderInput {
  readonly id: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly buyerCountry: string;
  readonly currency: string;
  readonly amountPaidMinor: bigint;
  readonly paidAt: number;
  readonly promisedDeliveryAt?: number;
  readonly items: readonly OrderItemInput[];
}

/** One order line as fed: the marketplace's line id (default: its position, from 1). */
export interface OrderItemInput {
  readonly lineId?: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPriceMinor: bigint;
  /** What the buyer paid for the line; default quantity × unit price; never more. */
  readonly lineTotalMinor?: bigint;
}

export const lineTotalOf = (i: OrderItemInput): bigint =>
  i.lineTotalMinor ?? i.unitPriceMinor * BigInt(i.quantity);

/**
 * An order's lines must say what was paid: each line at most quantity × unit price (less is a
 * discount), line ids distinct, and together exactly the amount paid (shipping, if charged, is
 * a line), so the per-line refund caps never add up to more or less than the order's.
 */
export function checkOrderLines(o: OrderInput): FeedResult {
  const ids = o.items.map((i, k) => i.lineId ?? String(k + 1));
  const twice = ids.find((id, k) => ids.indexOf(id) !== k);
  if (twice !== undefined)
    return fail(422, 'order.line_id_duplicate', `line id ${twice} appears twice in the order`);
  const over = o.items.find((i) => lineTotalOf(i) > i.unitPriceMinor * BigInt(i.quantity));
  if (over !== undefined)
    return fail(
      422,
      'order.line_total_invalid',
      `line ${over.lineId ?? ids[o.items.indexOf(over)]}: its total is more than quantity × unit price`,
    );
  if (o.items.length === 0) return { ok: true, value: undefined };
  const sum = o.items.reduce((s, i) => s + lineTotalOf(i), 0n);
  if (sum !== o.amountPaidMinor)
    return fail(
      422,
      'order.lines_total_mismatch',
      `the lines add up to ${sum} ${o.currency} but ${o.amountPaidMinor} ${o.currency} was paid: ` +
        'send every line the buyer paid for (shipping as a line), or no lines for a one-line order',
    );
  return { ok: true, value: undefined };
}

export async function upsertSeller(db: Db, s: SellerInput): Promise<void> {
  await db
    .insertInto('sellers')
    .values({
      id: s.id,
      name: s.name,
      country: s.country,
      protection_enrolled: s.protectionEnrolled ?? false,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: s.name,
        country: s.country,
        protection_enrolled: s.protectionEnrolled ?? false,
      }),
    )
    .execute();
}

export async function upsertBuyer(db: Db, b: BuyerInput, at: number): Promise<void> {
  await db
    .insertInto('users')
    .values({ id: b.id, email: b.email, name: b.name, role: 'buyer', created_at: new Date(at) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ email: b.email, name: b.name }))
    .execute();
}

/**
 * Records a paid order and captures the payment into its escrow, once: the capture's id is
 * derived from the order, so re-sending the same order never captures twice.
 */
export async function recordOrder(db: Db, o: OrderInput): Promise<'created' | 'exists'> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('orders')
      .values({
        id: o.id,
        seller_id: o.sellerId,
        buyer_id: o.buyerId,
        buyer_country: o.buyerCountry,
        currency: o.currency,
        amount_paid_minor: o.amountPaidMinor,
        paid_at: new Date(o.paidAt),
        promised_delivery_at:
          o.promisedDeliveryAt === undefined ? null : new Date(o.promisedDeliveryAt),
        status: 'paid',
        completed_by: null,
        completed_at: null,
        delivered_at: null,
        shipped_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 0n) return 'exists';
    if (o.items.length > 0) {
      await trx
        .insertInto('order_items')
        .values(
          o.items.map((item, line) => ({
            order_id: o.id,
            line: line + 1,
            sku: item.sku,
            title: item.title,
            quantity: item.quantity,
            unit_price_minor: item.unitPriceMinor,
            line_id: item.lineId ?? String(line + 1),
            line_total_minor: lineTotalOf(item),
          })),
        )
        .execute();
    }
    const tx = capture({
      orderId: o.id as OrderId,
      buyerId: o.buyerId as BuyerId,
      paid: money(o.amountPaidMinor, o.currency),
    });
    await appendTransaction(trx, {
      id: `capture:${o.id}`,
      orderId: o.id,
      kind: tx.kind,
      at: o.paidAt,
      postings: tx.postings.map((p) => ({
        account: p.account,
        amountMinor: p.amount.minor,
        currency: p.amount.currency,
      })),
    });
    return 'created';
  });
}

export async function recordShipment(
  db: Db,
  s: {
    id: string;
    orderId: string;
    disputeId?: string;
    direction: ShipmentDirection;
    channel: ShipmentChannel;
    carrier: string;
    trackingNumber: string;
    at: number;
  },
): Promise<void> {
  await db
    .insertInto('shipments')
    .values({
      id: s.id,
      order_id: s.orderId,
      dispute_id: s.disputeId ?? null,
      direction: s.direction,
      channel: s.channel,
      carrier: s.carrier,
      tracking_number: s.trackingNumber,
      created_at: new Date(s.at),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  if (s.direction === 'outbound') {
    await db
      .updateTable('orders')
      .set({ status: 'shipped', shipped_at: new Date(s.at) })
      .where('id', '=', s.orderId)
      .where('status', '=', 'paid')
      .execute();
  }
}

/** Order status as the marketplace reports it: delivered, or receipt confirmed (by the buyer or by timeout). */
export async function recordOrderStatus(
  db: Db,
  service: DisputeService,
  u: { orderId: string; status: 'delivered' | 'completed'; by?: 'buyer' | 'timeout'; at: number },
): Promise<void> {
  if (u.status === 'delivered') {
    await db
      .updateTable('orders')
      .set({ status: 'delivered', delivered_at: new Date(u.at) })
      .where('id', '=', u.orderId)
      .where('status', 'in', ['paid', 'shipped'])
      .execute();
    return;
  }
  // The confirmation and its seller-metrics bucket in one transaction (issue 9, P5). The clock is
  // read first (PGlite queues a query outside an open transaction): the seller's standing is
  // rechecked as of now, not as of a confirmation reported late.
  const now = await service.clock.now();
  await db.transaction().execute((trx) =>
    projectOrderConfirmed(
      trx,
      u.orderId,
      async () => {
        const updated = await trx
          .updateTable('orders')
          .set({
            status: 'completed',
            completed_at: new Date(u.at),
            completed_by: u.by ?? 'buyer',
            // The runner looks at once; the engine then says how long the protection window runs.
            escrow_release_due_at: new Date(u.at),
          })
          .where('id', '=', u.orderId)
          .where('status', '!=', 'completed')
          .executeTakeFirst();
        return updated.numUpdatedRows > 0n;
      },
      u.at,
      now,
    ),
  );
  // A dispute that ended before the order completed releases its escrow now.
  const disputes = await db
    .selectFrom('disputes')
    .select('id')
    .where('order_id', '=', u.orderId)
    .execute();
  for (const d of disputes) {
    await service.handle(d.id as DisputeId, SYSTEM, {
      type: 'record_order_completed',
      completedAt: instant(u.at),
    });
  }
}

/** A carrier event. Delivery of a dispute's return or replacement is sent to its dispute. */
export async function recordTracking(
  db: Db,
  service: DisputeService,
  t: { shipmentId: string; status: TrackingStatus; at: number; place?: string; signed?: boolean },
): Promise<void> {
  const shipment = await db
    .selectFrom('shipments')
    .selectAll()
    .where('id', '=', t.shipmentId)
    .executeTakeFirst();
  if (shipment === undefined) throw new Error(`no shipment ${t.shipmentId}`);
  await db
    .insertInto('tracking_events')
    .values({
      shipment_id: t.shipmentId,
      status: t.status,
      at: new Date(t.at),
      place: t.place ?? null,
      signed: t.signed ?? false,
    })
    .execute();
  if (t.status !== 'delivered') return;
  if (shipment.direction === 'outbound') {
    await db
      .updateTable('orders')
      .set({ status: 'delivered', delivered_at: new Date(t.at) })
      .where('id', '=', shipment.order_id)
      .where('status', 'in', ['paid', 'shipped'])
      .execute();
    return;
  }
  if (shipment.dispute_id === null) return;
  const command =
    shipment.direction === 'return'
      ? ({ type: 'record_return_delivered', deliveredAt: instant(t.at) } as const)
      : ({ type: 'record_replacement_delivered', deliveredAt: instant(t.at) } as const);
  await service.handle(shipment.dispute_id as DisputeId, SYSTEM, command);
}

export type FeedResult<T = undefined> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: string;
      readonly status: 404 | 409 | 422;
      readonly detail: string;
    };

const fail = (status: 404 | 409 | 422, code: string, detail: string): FeedResult<never> => ({
  ok: false,
  code,
  status,
  detail,
});

/** The marketplace feed as one object for the HTTP layer: checks references, then records. */
export class Marketplace {
  private readonly db: Db;
  private readonly service: DisputeService;
  constructor(db: Db, service: DisputeService) {
    this.db = db;
    this.service = service;
  }

  upsertSeller(s: SellerInput): Promise<void> {
    return upsertSeller(this.db, s);
  }

  async upsertBuyer(b: BuyerInput, at: number): Promise<FeedResult> {
    const existing = await this.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('id', '=', b.id)
      .executeTakeFirst();
    if (existing !== undefined && existing.role !== 'buyer')
      return fail(409, 'buyer.not_a_buyer', 'this id belongs to a staff account');
    const clash = await this.db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', b.email.toLowerCase()))
      .where('id', '!=', b.id)
      .executeTakeFirst();
    if (clash !== undefined)
      return fail(409, 'buyer.email_taken', 'another account uses this email');
    await upsertBuyer(this.db, b, at);
    return { ok: true, value: undefined };
  }

  async recordOrder(o: OrderInput): Promise<FeedResult<'created' | 'exists'>> {
    const seller = await this.db
      .selectFrom('sellers')
      .select('id')
      .where('id', '=', o.sellerId)
      .executeTakeFirst();
    if (seller === undefined)
      return fail(
        422,
        'order.unknown_seller',
        `no seller ${o.sellerId}: PUT /v1/sellers/{id} first`,
      );
    const buyer = await this.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', o.buyerId)
      .where('role', '=', 'buyer')
      .executeTakeFirst();
    if (buyer === undefined)
      return fail(422, 'order.unknown_buyer', `no buyer ${o.buyerId}: PUT /v1/buyers/{id} first`);
    const lines = checkOrderLines(o);
    if (!lines.ok) return lines;
    return { ok: true, value: await recordOrder(this.db, o) };
  }

  async recordOrderStatus(u: {
    orderId: string;
    status: 'delivered' | 'completed';
    by?: 'buyer' | 'timeout';
    at: number;
  }): Promise<FeedResult> {
    const order = await this.db
      .selectFrom('orders')
      .select('id')
      .where('id', '=', u.orderId)
      .executeTakeFirst();
    if (order === undefined) return fail(404, 'order.not_found', 'no such order');
    await recordOrderStatus(this.db, this.service, u);
    return { ok: true, value: undefined };
  }

  async recordOutboundShipment(s: {
    id: string;
    orderId: string;
    channel: ShipmentChannel;
    carrier: string;
    trackingNumber: string;
    at: number;
  }): Promise<FeedResult> {
    const order = await this.db
      .selectFrom('orders')
      .select('id')
      .where('id', '=', s.orderId)
      .executeTakeFirst();
    if (order === undefined) return fail(422, 'order.not_found', `no order ${s.orderId}`);
    await recordShipment(this.db, { ...s, direction: 'outbound' });
    return { ok: true, value: undefined };
  }

  async recordTracking(t: {
    shipmentId: string;
    status: TrackingStatus;
    at: number;
    place?: string;
    signed?: boolean;
  }): Promise<FeedResult> {
    const shipment = await this.db
      .selectFrom('shipments')
      .select('id')
      .where('id', '=', t.shipmentId)
      .executeTakeFirst();
    if (shipment === undefined)
      return fail(422, 'shipment.not_found', `no shipment ${t.shipmentId}`);
    const now = await this.service.clock.now();
    if (t.at > now + TRACKING_CLOCK_SKEW_MS)
      return fail(
        422,
        'tracking.in_future',
        `the event is dated ${new Date(t.at).toISOString()}, after now ` +
          `(${new Date(now).toISOString()}) by more than ${TRACKING_CLOCK_SKEW_MS / MINUTE_MS} minutes: ` +
          'send it once it has happened',
      );
    await recordTracking(this.db, this.service, t);
    return { ok: true, value: undefined };
  }
}
