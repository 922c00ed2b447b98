// Read-side queries for the API: lists with filters and keyset pagination, and the pieces of a
// dispute's case that live beside its events (carrier tracking, the order's ledger).
import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { Dispute } from '../domain/index.ts';
import type { Database, DisputesTable } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { decodeDispute } from './state-codec.ts';

export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;

export type DisputeSort = 'next_deadline' | 'opened_at' | 'updated_at';

export interface DisputeFilter {
  /** Object-level access: only these buyers' or sellers' disputes (undefined: all). */
  readonly buyerId?: string;
  readonly sellerId?: string;
  readonly statuses?: readonly string[];
  readonly reason?: string;
  /** What the caller asked for, on top of the access above (issue 10, item 1). */
  readonly orderId?: string;
  readonly buyer?: string;
  readonly seller?: string;
  /** `buyer:IT` or `seller:CN`: the country of the dispute's buyer or seller, as policies name markets. */
  readonly market?: { readonly side: 'buyer' | 'seller'; readonly country: string };
  readonly openedFrom?: number;
  readonly openedTo?: number;
  readonly updatedFrom?: number;
  readonly updatedTo?: number;
  /** Only disputes with a deadline before this instant. */
  readonly deadlineBefore?: number;
  /** Only disputes whose next deadline is one of these kinds (e.g. the ones a seller owns). */
  readonly nextDeadlineKinds?: readonly string[];
  readonly sort: DisputeSort;
  readonly limit: number;
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

interface CursorKey {
  readonly at: number | null;
  readonly id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor a client tampered with is just "invalid": callers answer 400. */
export function decodeCursor(cursor: string): CursorKey | undefined {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof key !== 'object' || key === null) return undefined;
    const { at, id } = key as Record<string, unknown>;
    if (typeof id !== 'string' || (at !== null && typeof at !== 'number')) return undefined;
    return { at: at as number | null, id };
  } catch {
    return undefined;
  }
}

// A far-future stand-in for "no deadline", so disputes without one sort last and page stably.
const NO_DEADLINE = new Date(Date.UTC(9999, 0, 1));

/** The list's query before its limit: exported so tests can EXPLAIN what the API runs. */
export function disputeListQuery(
  db: Kysely<Database>,
  f: DisputeFilter,
  key: CursorKey | undefined = undefined,
): DisputeQuery {
  let q = filtered(
    db
      .selectFrom('disputes')
      .select(['id', 'state', 'version', 'next_deadline_at', 'opened_at', 'updated_at']),
    f,
  );
  if (f.sort === 'updated_at') {
    // Oldest change first, so "changed since" pages forward as changes happen.
    if (key !== undefined && key.at !== null)
      q = q.where(sql<boolean>`(updated_at, id) > (${new Date(key.at)}, ${key.id})`);
    q = q.orderBy('updated_at').orderBy('id');
  } else if (f.sort === 'next_deadline') {
    // Written as a literal, not a parameter, so it matches the index disputes_seller_next_deadline.
    const sortKey = sql<Date>`coalesce(next_deadline_at, timestamptz '9999-01-01 00:00:00+00')`;
    if (key !== undefined) {
      // A row comparison, so the index scan starts at the cursor (an Index Cond) instead of
      // walking every row before it through a filter.
      const at = new Date(key.at ?? NO_DEADLINE.getTime());
      q = q.where(sql<boolean>`(${sortKey}, id) > (${at}, ${key.id})`);
    }
    q = q.orderBy(sortKey).orderBy('id');
  } else {
    if (key !== undefined && key.at !== null) {
      // opened_at descending but id ascending, so no row comparison: the bound on opened_at
      // alone is the index condition, and the filter drops only the ties already shown.
      const at = new Date(key.at);
      q = q
        .where('opened_at', '<=', at)
        .where((eb) => eb.or([eb('opened_at', '<', at), eb('id', '>', key.id)]));
    }
    q = q.orderBy('opened_at', 'desc').orderBy('id');
  }
  return q;
}

export async function listDisputes(
  store: Store,
  f: DisputeFilter,
): Promise<Page<{ dispute: Dispute; version: number }>> {
  const limit = Math.min(Math.max(f.limit, 1), PAGE_SIZE_MAX);
  const key = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
  if (f.cursor !== undefined && key === undefined) throw new RangeError('invalid cursor');
  const rows = await disputeListQuery(store.db, f, key)
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit && last !== undefined;
  const lastAt =
    f.sort === 'next_deadline'
      ? (last?.next_deadline_at?.getTime() ?? null)
      : f.sort === 'updated_at'
        ? (last?.updated_at.getTime() ?? null)
        : (last?.opened_at.getTime() ?? null);
  return {
    items: page.map((r) => ({ dispute: decodeDispute(r.state), version: r.version })),
    ...(more ? { nextCursor: encodeCursor({ at: lastAt, id: last.id }) } : {}),
  };
}

type DisputeQuery = SelectQueryBuilder<
  Database,
  'disputes',
  Pick<
    Selectable<DisputesTable>,
    'id' | 'state' | 'version' | 'next_deadline_at' | 'opened_at' | 'updated_at'
  >
>;

/** The access scope and the caller's filters, each a condition an index can lead with. */
function filtered(query: DisputeQuery, f: DisputeFilter): DisputeQuery {
  let q = query;
  if (f.buyerId !== undefined) q = q.where('buyer_id', '=', f.buyerId);
  if (f.sellerId !== undefined) q = q.where('seller_id', '=', f.sellerId);
  if (f.buyer !== undefined) q = q.where('buyer_id', '=', f.buyer);
  if (f.seller !== undefined) q = q.where('seller_id', '=', f.seller);
  if (f.orderId !== undefined) q = q.where('order_id', '=', f.orderId);
  if (f.statuses !== undefined && f.statuses.length > 0)
    q = q.where('status', 'in', [...f.statuses]);
  if (f.reason !== undefined) q = q.where(sql<string>`state->>'reason'`, '=', f.reason);
  if (f.market !== undefined) {
    const field = f.market.side === 'buyer' ? 'buyerCountry' : 'sellerCountry';
    q = q.where(sql<string>`state->'order'->>${field}`, '=', f.market.country);
  }
  if (f.openedFrom !== undefined) q = q.where('opened_at', '>=', new Date(f.openedFrom));
  if (f.openedTo !== undefined) q = q.where('opened_at', '<', new Date(f.openedTo));
  if (f.updatedFrom !== undefined) q = q.where('updated_at', '>=', new Date(f.updatedFrom));
  if (f.updatedTo !== undefined) q = q.where('updated_at', '<', new Date(f.updatedTo));
  if (f.deadlineBefore !== undefined)
    q = q.where('next_deadline_at', '<', new Date(f.deadlineBefore));
  if (f.nextDeadlineKinds !== undefined && f.nextDeadlineKinds.length > 0)
    q = q.where('next_deadline_kind', 'in', [...f.nextDeadlineKinds]);
  return q;
}

/** How many of the caller's disputes there are per status, reason, market and next deadline. */
export interface DisputeCounts {
  readonly total: number;
  readonly status: Record<string, number>;
  readonly reason: Record<string, number>;
  readonly buyerMarket: Record<string, number>;
  readonly sellerMarket: Record<string, number>;
  readonly nextDeadline: Record<string, number>;
}

/**
 * The counts behind a list's filters, over the caller's whole scope (a buyer's own, a store's):
 * one grouped statement (grouping sets), so each option can show how many it would list.
 */
export async function countDisputes(
  store: Store,
  scope: { readonly buyerId?: string; readonly sellerId?: string },
): Promise<DisputeCounts> {
  const by = {
    status: sql`status`,
    reason: sql`state->>'reason'`,
    buyerMarket: sql`state->'order'->>'buyerCountry'`,
    sellerMarket: sql`state->'order'->>'sellerCountry'`,
    nextDeadline: sql`next_deadline_kind`,
  } as const;
  const facets = Object.keys(by) as (keyof typeof by)[];
  const where = sql.join(
    [
      sql`true`,
      ...(scope.buyerId === undefined ? [] : [sql`buyer_id = ${scope.buyerId}`]),
      ...(scope.sellerId === undefined ? [] : [sql`seller_id = ${scope.sellerId}`]),
    ],
    sql` and `,
  );
  const { rows } = await sql<{ facet: string; value: string | null; n: number }>`
    select case ${sql.join(
      facets.map((f) => sql`when grouping(${by[f]}) = 0 then ${f}`),
      sql` `,
    )} else 'total' end as facet,
      coalesce(${sql.join(
        facets.map((f) => sql`case when grouping(${by[f]}) = 0 then ${by[f]}::text end`),
      )}) as value,
      count(*)::int as n
    from disputes where ${where}
    group by grouping sets (${sql.join(facets.map((f) => sql`(${by[f]})`))}, ())`.execute(store.db);
  const counts: DisputeCounts = {
    total: 0,
    status: {},
    reason: {},
    buyerMarket: {},
    sellerMarket: {},
    nextDeadline: {},
  };
  for (const r of rows) {
    if (r.facet === 'total') (counts as { total: number }).total = r.n;
    else if (r.value !== null) counts[r.facet as keyof typeof by][r.value] = r.n;
  }
  return counts;
}

export interface TrackingView {
  readonly shipmentId: string;
  readonly direction: string;
  readonly channel: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly events: readonly { status: string; at: number; place: string | null; signed: boolean }[];
}

/**
 * Both directions of the order's shipments with their carrier events, oldest first: one
 * statement (a lateral join keeps each shipment's own limit), not one per shipment.
 */
export async function trackingForOrder(
  db: Kysely<Database>,
  orderId: string,
): Promise<TrackingView[]> {
  const { rows } = await sql<{
    id: string;
    direction: string;
    channel: string;
    carrier: string;
    tracking_number: string;
    status: string | null;
    at: Date | null;
    place: string | null;
    signed: boolean | null;
  }>`select s.id, s.direction, s.channel, s.carrier, s.tracking_number,
        t.status, t.at, t.place, t.signed
      from (select * from shipments where order_id = ${orderId} order by created_at, id limit 20) s
      left join lateral (
        select status, at, place, signed, id as event_id from tracking_events
        where shipment_id = s.id order by at, id limit 200
      ) t on true
      order by s.created_at, s.id, t.at, t.event_id`.execute(db);
  const out: TrackingView[] = [];
  let current: (TrackingView & { events: TrackingView['events'][number][] }) | undefined;
  for (const r of rows) {
    if (current?.shipmentId !== r.id) {
      current = {
        shipmentId: r.id,
        direction: r.direction,
        channel: r.channel,
        carrier: r.carrier,
        trackingNumber: r.tracking_number,
        events: [],
      };
      out.push(current);
    }
    if (r.status !== null && r.at !== null) {
      current.events.push({
        status: r.status,
        at: r.at.getTime(),
        place: r.place,
        signed: r.signed === true,
      });
    }
  }
  return out;
}

export interface LedgerEntryView {
  readonly id: string;
  readonly kind: string;
  readonly at: number;
  readonly postings: readonly { account: string; amountMinor: bigint; currency: string }[];
}

/** The order's ledger transactions with their postings, in one statement. */
export async function ledgerForOrder(
  db: Kysely<Database>,
  orderId: string,
): Promise<LedgerEntryView[]> {
  const { rows } = await sql<{
    id: string;
    kind: string;
    at: Date;
    account: string | null;
    amount_minor: bigint | null;
    currency: string | null;
  }>`select t.id, t.kind, t.at, p.account, p.amount_minor, p.currency
      from (select id, kind, at from ledger_transactions where order_id = ${orderId}
            order by at, id limit 200) t
      left join ledger_postings p on p.transaction_id = t.id
      order by t.at, t.id, p.line`.execute(db);
  const out: LedgerEntryView[] = [];
  let current: (LedgerEntryView & { postings: LedgerEntryView['postings'][number][] }) | undefined;
  for (const r of rows) {
    if (current?.id !== r.id) {
      current = { id: r.id, kind: r.kind, at: r.at.getTime(), postings: [] };
      out.push(current);
    }
    if (r.account !== null && r.amount_minor !== null && r.currency !== null) {
      current.postings.push({
        account: r.account,
        amountMinor: r.amount_minor,
        currency: r.currency,
      });
    }
  }
  return out;
}

export async function eventHeads(
  db: Kysely<Database>,
  disputeId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  return db
    .selectFrom('dispute_events')
    .select(['seq', 'hash'])
    .where('dispute_id', '=', disputeId)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}
