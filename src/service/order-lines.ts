// The order's lines as the engine needs them: what the marketplace fed (order_items), what the
// order's disputes refunded on each line, and which lines an open dispute holds. Read under the
// order row's lock (lockOrders) by openings and by the catch-up before a refund, so the figures
// cannot move before the write commits.
import type { Kysely } from 'kysely';
import {
  type DisputeId,
  type LineRefund,
  lineRefunds,
  money,
  type OrderLine,
  orderLines,
  refundedTotal,
} from '../domain/index.ts';
import type { Database } from '../store/schema.ts';
import { decodeDispute } from './state-codec.ts';

type Db = Kysely<Database>;

/** What the order's disputes (all but `exceptId`) did to its lines. */
export interface LinesByOthers {
  readonly refunded: ReadonlyMap<string, bigint>;
  /** Lines held by a dispute not yet resolved or cancelled: the per-line rule refuses them. */
  readonly held: ReadonlyMap<string, DisputeId>;
  /** An open dispute recorded before lines holds the whole order, whatever its lines. */
  readonly wholeOrderHeldBy?: DisputeId;
}

export async function linesByOthers(
  db: Db,
  orderId: string,
  exceptId?: string,
): Promise<LinesByOthers> {
  let query = db
    .selectFrom('disputes')
    .select(['id', 'status', 'state'])
    .where('order_id', '=', orderId);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const rows = await query.orderBy('id').execute();
  const refunded = new Map<string, bigint>();
  const held = new Map<string, DisputeId>();
  let wholeOrderHeldBy: DisputeId | undefined;
  for (const row of rows) {
    const d = decodeDispute(row.state);
    for (const [lineId, minor] of lineRefunds(d.order, d.lines, refundedTotal(d)))
      refunded.set(lineId, (refunded.get(lineId) ?? 0n) + minor);
    if (row.status === 'resolved' || row.status === 'cancelled') continue;
    // The same rule as the index it replaces: open until resolved or cancelled.
    if (d.lines === undefined) wholeOrderHeldBy = d.id;
    else for (const l of d.lines) held.set(l.lineId, d.id);
  }
  return wholeOrderHeldBy === undefined ? { refunded, held } : { refunded, held, wholeOrderHeldBy };
}

export function lineRefundList(others: LinesByOthers): LineRefund[] {
  return [...others.refunded].map(([lineId, minor]) => ({ lineId, minor }));
}

/**
 * The order's lines as fed, with what other disputes refunded on each and who holds it. An order
 * fed without lines, or whose lines do not add up to what was paid (fed before the feed checked
 * the sum), is one line worth the whole order, as domain.md says.
 */
export async function loadOrderLines(
  db: Db,
  order: { id: string; currency: string; amount_paid_minor: bigint },
): Promise<OrderLine[]> {
  const rows = await db
    .selectFrom('order_items')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('line')
    .execute();
  const totalOf = (r: (typeof rows)[number]) =>
    r.line_total_minor ?? r.unit_price_minor * BigInt(r.quantity);
  const sum = rows.reduce((s, r) => s + totalOf(r), 0n);
  const paid = money(order.amount_paid_minor, order.currency);
  const fed =
    rows.length > 0 && sum === order.amount_paid_minor
      ? rows.map((r) => ({
          lineId: r.line_id ?? String(r.line),
          sku: r.sku,
          title: r.title,
          quantity: r.quantity,
          unitPrice: money(r.unit_price_minor, order.currency),
          total: money(totalOf(r), order.currency),
        }))
      : orderLines({ paid });
  const others = await linesByOthers(db, order.id);
  return fed.map((line) => {
    const refunded = others.refunded.get(line.lineId);
    const holder = others.wholeOrderHeldBy ?? others.held.get(line.lineId);
    return {
      ...line,
      ...(refunded === undefined ? {} : { refundedBefore: money(refunded, order.currency) }),
      ...(holder === undefined ? {} : { openDisputeId: holder }),
    };
  });
}
