// Orders in bulk (`settle import orders`). Per batch, in one transaction: one query names the
// orders that cannot go in (unknown seller or buyer, id already recorded or repeated), then the
// rest is COPYed straight into what recording an order writes one at a time
// (service/marketplace.ts recordOrder): the order, its lines, its capture and the capture's
// postings. Nothing else moves when an order is recorded (no dispute, metrics bucket, standing
// or outbox row), so nothing else is written here. A batch is all in or all out.

import { type CopyValue, copyRow } from './copy-text.ts';
import { isUniqueViolation, sqlState } from './errors.ts';
import type { CopySession, Store } from './store.ts';

export interface StagedOrder {
  /** Where the order starts in the file: how a refusal is reported. */
  readonly row: number;
  readonly id: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly buyerCountry: string;
  readonly currency: string;
  readonly amountPaidMinor: bigint;
  readonly paidAt: Date;
  readonly promisedDeliveryAt: Date | null;
  readonly captureId: string;
  readonly captureKind: string;
}

export interface StagedItem {
  readonly orderRow: number;
  readonly orderId: string;
  readonly line: number;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPriceMinor: bigint;
  readonly lineId: string;
  readonly lineTotalMinor: bigint;
}

export interface StagedPosting {
  readonly orderRow: number;
  readonly transactionId: string;
  readonly line: number;
  readonly account: string;
  readonly amountMinor: bigint;
  readonly currency: string;
}

export interface OrderBatch {
  readonly orders: readonly StagedOrder[];
  readonly items: readonly StagedItem[];
  readonly postings: readonly StagedPosting[];
}

/** Why an order of the batch was not written: references first, as PUT /v1/orders checks. */
export type Refusal = 'unknown_seller' | 'unknown_buyer' | 'exists' | 'repeated';

export interface BatchOutcome {
  readonly inserted: number;
  readonly refused: readonly { readonly row: number; readonly id: string; readonly why: Refusal }[];
}

/** Rows per COPY chunk: big enough to keep the socket busy, small enough to stay short. */
const CHUNK_ROWS = 2_000;
/**
 * Tries per batch. Another writer recording one of the batch's orders between the check and the
 * COPY breaks the order's primary key; the batch is rolled back and checked again, and finds it.
 * Two batches of one import holding the same ids in opposite orders can deadlock: the same.
 */
const ATTEMPTS_MAX = 3;
const DEADLOCK_DETECTED = '40P01';

// The batch's keys arrive as four arrays (one parameter each, whatever the batch size).
const REFUSE = `with batch as (
    select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])
      as b(row_no, id, seller_id, buyer_id)
  ), checked as (
    select b.row_no, b.id,
      row_number() over (partition by b.id order by b.row_no) as nth,
      exists (select 1 from sellers where sellers.id = b.seller_id) as seller_known,
      exists (select 1 from users where users.id = b.buyer_id and users.role = 'buyer') as buyer_known,
      exists (select 1 from orders where orders.id = b.id) as known
    from batch b
  )
  select row_no, id, case
      when not seller_known then 'unknown_seller'
      when not buyer_known then 'unknown_buyer'
      when known then 'exists'
      else 'repeated' end as why
  from checked where not seller_known or not buyer_known or known or nth > 1
  order by row_no`;

/**
 * Batches of one import written at once keep the file's order where it matters: a batch copies
 * its orders only after the batch before it has (`after`), and says when its own are in
 * (`ordersIn`). An id in both then waits on the earlier batch's row and is refused, so the first
 * time an order appears in a file is the one that counts.
 */
export interface BatchTurn {
  readonly after: Promise<void>;
  readonly ordersIn: () => void;
}

export async function loadOrderBatch(
  store: Store,
  batch: OrderBatch,
  turn: BatchTurn = { after: Promise.resolve(), ordersIn: () => {} },
): Promise<BatchOutcome> {
  try {
    return await loadWithRetries(store, batch, turn);
  } finally {
    turn.ordersIn();
  }
}

async function loadWithRetries(
  store: Store,
  batch: OrderBatch,
  turn: BatchTurn,
): Promise<BatchOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.copyTransaction((session) => writeBatch(session, batch, turn));
    } catch (error) {
      const retry = isUniqueViolation(error) || sqlState(error) === DEADLOCK_DETECTED;
      if (!retry || attempt >= ATTEMPTS_MAX) throw error;
    }
  }
}

async function writeBatch(
  session: CopySession,
  batch: OrderBatch,
  turn: BatchTurn,
): Promise<BatchOutcome> {
  const o = batch.orders;
  const refused = await session.query<{ row_no: number; id: string; why: Refusal }>(REFUSE, [
    o.map((x) => x.row),
    o.map((x) => x.id),
    o.map((x) => x.sellerId),
    o.map((x) => x.buyerId),
  ]);
  // The check runs beside the earlier batch's COPY; an id that batch writes meanwhile makes
  // this COPY wait for it, fail on the key, and check again.
  await turn.after;
  const out = new Set(refused.map((r) => Number(r.row_no)));
  const kept = (row: number) => !out.has(row);
  const orders = out.size === 0 ? o : o.filter((x) => kept(x.row));
  await copyInto(session, ORDERS, orders, orderValues);
  turn.ordersIn();
  await copyInto(
    session,
    ITEMS,
    out.size === 0 ? batch.items : batch.items.filter((i) => kept(i.orderRow)),
    itemValues,
  );
  await copyInto(session, CAPTURES, orders, captureValues);
  await copyInto(
    session,
    POSTINGS,
    out.size === 0 ? batch.postings : batch.postings.filter((p) => kept(p.orderRow)),
    postingValues,
  );
  return {
    inserted: orders.length,
    refused: refused.map((r) => ({ row: Number(r.row_no), id: r.id, why: r.why })),
  };
}

async function copyInto<T>(
  session: CopySession,
  statement: string,
  rows: readonly T[],
  values: (row: T) => readonly CopyValue[],
): Promise<void> {
  if (rows.length === 0) return;
  const chunks: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    let chunk = '';
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) chunk += copyRow(values(rows[i] as T));
    chunks.push(chunk);
  }
  await session.copyFrom(statement, chunks);
}

const ORDERS = `copy orders (id, seller_id, buyer_id, buyer_country, currency, amount_paid_minor,
  paid_at, promised_delivery_at, status) from stdin`;
const orderValues = (o: StagedOrder): readonly CopyValue[] => [
  o.id,
  o.sellerId,
  o.buyerId,
  o.buyerCountry,
  o.currency,
  o.amountPaidMinor,
  o.paidAt,
  o.promisedDeliveryAt,
  'paid',
];

const ITEMS = `copy order_items (order_id, line, sku, title, quantity, unit_price_minor, line_id,
  line_total_minor) from stdin`;
const itemValues = (i: StagedItem): readonly CopyValue[] => [
  i.orderId,
  i.line,
  i.sku,
  i.title,
  i.quantity,
  i.unitPriceMinor,
  i.lineId,
  i.lineTotalMinor,
];

const CAPTURES = 'copy ledger_transactions (id, order_id, kind, at) from stdin';
const captureValues = (o: StagedOrder): readonly CopyValue[] => [
  o.captureId,
  o.id,
  o.captureKind,
  o.paidAt,
];

const POSTINGS =
  'copy ledger_postings (transaction_id, line, account, amount_minor, currency) from stdin';
const postingValues = (p: StagedPosting): readonly CopyValue[] => [
  p.transactionId,
  p.line,
  p.account,
  p.amountMinor,
  p.currency,
];
