// Orders in bulk (`settle import orders`): a batch is copied into temporary tables (COPY, on
// both engines), rows that cannot go in are taken out and named, and the rest is written by one
// statement to what recording an order writes one at a time (service/marketplace.ts
// recordOrder): the order, its lines, and its capture with its postings. Nothing else moves
// when an order is recorded (no dispute, metrics bucket, standing or outbox row), so nothing
// else is written here. Each batch is one transaction: a batch is all in or all out.
import { type CopyValue, copyRow } from './copy-text.ts';
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

// Temporary tables live per connection; `on commit delete rows` empties them after each batch.
const STAGING = [
  `create temp table if not exists settle_import_orders (
    row_no int primary key, id text not null, seller_id text not null, buyer_id text not null,
    buyer_country text not null, currency text not null, amount_paid_minor bigint not null,
    paid_at timestamptz not null, promised_delivery_at timestamptz,
    capture_id text not null, capture_kind text not null) on commit delete rows`,
  `create temp table if not exists settle_import_items (
    order_row int not null, line int not null, sku text not null, title text not null,
    quantity int not null, unit_price_minor bigint not null, line_id text not null,
    line_total_minor bigint not null) on commit delete rows`,
  `create temp table if not exists settle_import_postings (
    order_row int not null, line int not null, account text not null,
    amount_minor bigint not null, currency text not null) on commit delete rows`,
];

// Every refused row at once, then out of the staging table, so the ids left are unique and new.
const REFUSE = `with checked as (
    select s.row_no, s.id,
      row_number() over (partition by s.id order by s.row_no) as nth,
      exists (select 1 from sellers where sellers.id = s.seller_id) as seller_known,
      exists (select 1 from users where users.id = s.buyer_id and users.role = 'buyer') as buyer_known,
      exists (select 1 from orders where orders.id = s.id) as known
    from settle_import_orders s
  ), refused as (
    select row_no, id, case
      when not seller_known then 'unknown_seller'
      when not buyer_known then 'unknown_buyer'
      when known then 'exists'
      else 'repeated' end as why
    from checked where not seller_known or not buyer_known or known or nth > 1
  ), dropped as (
    delete from settle_import_orders s using refused r where s.row_no = r.row_no
  )
  select row_no, id, why from refused`;

// `on conflict do nothing` covers an order written by someone else since REFUSE looked. The
// lines' and postings' foreign keys are checked at the end of the statement, orders in by then.
const MERGE = `with inserted as (
    insert into orders (id, seller_id, buyer_id, buyer_country, currency, amount_paid_minor,
      paid_at, promised_delivery_at, status)
    select id, seller_id, buyer_id, buyer_country, currency, amount_paid_minor, paid_at,
      promised_delivery_at, 'paid'
    from settle_import_orders order by row_no
    on conflict (id) do nothing
    returning id
  ), kept as (
    select s.* from settle_import_orders s join inserted using (id)
  ), items as (
    insert into order_items (order_id, line, sku, title, quantity, unit_price_minor, line_id,
      line_total_minor)
    select k.id, i.line, i.sku, i.title, i.quantity, i.unit_price_minor, i.line_id,
      i.line_total_minor
    from settle_import_items i join kept k on k.row_no = i.order_row
  ), captures as (
    insert into ledger_transactions (id, order_id, kind, at)
    select capture_id, id, capture_kind, paid_at from kept
  ), postings as (
    insert into ledger_postings (transaction_id, line, account, amount_minor, currency)
    select k.capture_id, p.line, p.account, p.amount_minor, p.currency
    from settle_import_postings p join kept k on k.row_no = p.order_row
  )
  select id from inserted`;

export async function loadOrderBatch(store: Store, batch: OrderBatch): Promise<BatchOutcome> {
  return store.copyTransaction(async (session) => {
    for (const statement of STAGING) await session.query(statement);
    await copyInto(session, 'settle_import_orders', batch.orders, orderValues);
    await copyInto(session, 'settle_import_items', batch.items, itemValues);
    await copyInto(session, 'settle_import_postings', batch.postings, postingValues);
    const refused = await session.query<{ row_no: number; id: string; why: Refusal }>(REFUSE);
    const inserted = await session.query<{ id: string }>(MERGE);
    const out = new Set(refused.map((r) => r.row_no));
    const written = new Set(inserted.map((r) => r.id));
    // Written by another writer between the two statements: as good as already there.
    const raced = batch.orders
      .filter((o) => !out.has(o.row) && !written.has(o.id))
      .map((o) => ({ row: o.row, id: o.id, why: 'exists' as const }));
    return {
      inserted: inserted.length,
      refused: [
        ...refused.map((r) => ({ row: Number(r.row_no), id: r.id, why: r.why })),
        ...raced,
      ].sort((a, b) => a.row - b.row),
    };
  });
}

async function copyInto<T>(
  session: CopySession,
  table: string,
  rows: readonly T[],
  values: (row: T) => readonly CopyValue[],
): Promise<void> {
  if (rows.length === 0) return;
  const chunks: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    let chunk = '';
    for (const row of rows.slice(start, start + CHUNK_ROWS)) chunk += copyRow(values(row));
    chunks.push(chunk);
  }
  await session.copyFrom(`copy ${table} from stdin`, chunks);
}

const orderValues = (o: StagedOrder): readonly CopyValue[] => [
  o.row,
  o.id,
  o.sellerId,
  o.buyerId,
  o.buyerCountry,
  o.currency,
  o.amountPaidMinor,
  o.paidAt,
  o.promisedDeliveryAt,
  o.captureId,
  o.captureKind,
];

const itemValues = (i: StagedItem): readonly CopyValue[] => [
  i.orderRow,
  i.line,
  i.sku,
  i.title,
  i.quantity,
  i.unitPriceMinor,
  i.lineId,
  i.lineTotalMinor,
];

const postingValues = (p: StagedPosting): readonly CopyValue[] => [
  p.orderRow,
  p.line,
  p.account,
  p.amountMinor,
  p.currency,
];
