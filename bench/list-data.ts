// Realistic bulk data for the list and queue reads (issue 9): many sellers, one of them large,
// statuses mixed as a live marketplace has them (most resolved or negotiating, about 5% waiting
// for an arbitrator), reasons and opening times spread. One real dispute is opened through the
// writer as the template; the rest are copied from it by `insert … select generate_series` with
// their own ids, seller, buyer, order, status, reason, times and deadline, so a load of 100,000
// takes seconds (on PostgreSQL and on PGlite) where opening each through the writer takes minutes.
// The copies have no events: the reads measured here look only at the disputes rows.
import { sql } from 'kysely';
import { DAY_MS, DISPUTE_REASONS } from '../src/domain/index.ts';
import type { Store } from '../src/store/store.ts';
import { bulkDisputes } from '../test/support/bulk-disputes.ts';

export interface ListData {
  /** The large seller (a tenth of all disputes): the inbox worth measuring. */
  readonly bigSellerId: string;
  readonly sellers: number;
  readonly inArbitration: number;
}

export interface ListDataOptions {
  readonly count: number;
  readonly sellers?: number;
  readonly buyers?: number;
  readonly now: number;
  readonly tag: string;
}

/**
 * Status by a hash of the row number, in hundredths: 40 negotiating, 5 awaiting a return
 * shipment, 5 with the return in transit, 35 resolved for good, 5 resolved inside the appeal
 * window, 5 cancelled, 4 in arbitration, 1 appealed.
 */
const STATUS_BY_PERCENT = sql`case
  when h < 40 then 'negotiating'
  when h < 45 then 'awaiting_return_shipment'
  when h < 50 then 'return_in_transit'
  when h < 85 then 'resolved'
  when h < 90 then 'resolved_appealable'
  when h < 95 then 'cancelled'
  when h < 99 then 'in_arbitration'
  else 'appealed' end`;

export async function seedListDisputes(store: Store, o: ListDataOptions): Promise<ListData> {
  const sellers = o.sellers ?? 1_000;
  const buyers = o.buyers ?? 10_000;
  const tag = o.tag;
  const [template] = await bulkDisputes(store, { count: 1, openedAt: o.now, prefix: tag });
  const db = store.db;
  await sql`insert into sellers (id, name, country)
    select ${`${tag}-seller-`} || s, 'Seller ' || s, 'CN' from generate_series(0, ${sellers - 1}) s`.execute(
    db,
  );
  await sql`insert into users (id, email, name, role, created_at)
    select ${`${tag}-buyer-`} || b, ${`${tag}-buyer-`} || b || '@list.test', 'Buyer ' || b,
      'buyer', now()
    from generate_series(0, ${buyers - 1}) b`.execute(db);
  // One row per dispute: i its number, h its status hundredth, seller 0 a tenth of them.
  await sql`create table bench_list_rows as
    select i,
      abs(hashint4(i)) % 100 as h,
      ${`${tag}-seller-`} || (case when i % 10 = 0 then 0 else 1 + i % ${sellers - 1} end) as seller_id,
      ${`${tag}-buyer-`} || (i % ${buyers}) as buyer_id,
      ${`${tag}-`} || i as id,
      ${`${tag}-order-`} || i as order_id,
      (string_to_array(${DISPUTE_REASONS.join(',')}::text, ','))[1 + abs(hashint4(i + 7)) % ${DISPUTE_REASONS.length}::int] as reason,
      ${o.now}::bigint - (abs(hashint4(i + 13)) % ${90 * DAY_MS}::bigint) as opened_ms
    from generate_series(0, ${o.count - 2}) i`.execute(db);
  await sql`insert into orders (id, seller_id, buyer_id, buyer_country, currency, amount_paid_minor,
      paid_at, status, completed_by, completed_at, delivered_at, shipped_at)
    select order_id, seller_id, buyer_id, 'US', 'USD', 2000,
      to_timestamp((opened_ms - ${20 * DAY_MS}) / 1000.0), 'completed', 'buyer',
      to_timestamp((opened_ms - ${DAY_MS}) / 1000.0), to_timestamp((opened_ms - ${2 * DAY_MS}) / 1000.0),
      to_timestamp((opened_ms - ${18 * DAY_MS}) / 1000.0)
    from bench_list_rows`.execute(db);
  await sql`insert into disputes (id, order_id, seller_id, buyer_id, status, version,
      next_deadline_at, next_deadline_kind, opened_at, updated_at, policy_version_id, state)
    select r.id, r.order_id, r.seller_id, r.buyer_id, r.status, 4,
      case when r.due_ms is null then null else to_timestamp(r.due_ms / 1000.0) end,
      r.due_kind, to_timestamp(r.opened_ms / 1000.0), to_timestamp(r.updated_ms / 1000.0),
      'default',
      t.state || jsonb_build_object('id', r.id, 'status', r.status, 'reason', r.reason,
        'openedAt', r.opened_ms, 'final', r.final,
        'order', (t.state -> 'order') || jsonb_build_object('orderId', r.order_id,
          'sellerId', r.seller_id, 'buyerId', r.buyer_id))
        || case when r.status in ('in_arbitration', 'appealed') then jsonb_build_object(
          'escalation', jsonb_build_object('by', 'buyer', 'at', r.opened_ms + ${6 * DAY_MS},
            'reason', 'no_agreement', 'note', 'bulk')) else '{}'::jsonb end
        || case when r.status = 'appealed' then jsonb_build_object(
          'appeal', jsonb_build_object('by', 'seller', 'at', r.opened_ms + ${12 * DAY_MS},
            'note', 'bulk', 'evidenceIds', '[]'::jsonb)) else '{}'::jsonb end
    from (
      select l.*,
        case when s = 'resolved_appealable' then 'resolved' else s end as status,
        s <> 'resolved_appealable' and s in ('resolved', 'cancelled') as final,
        case s
          when 'negotiating' then opened_ms + ${5 * DAY_MS}
          when 'awaiting_return_shipment' then opened_ms + ${10 * DAY_MS}
          when 'return_in_transit' then opened_ms + ${30 * DAY_MS}
          when 'resolved_appealable' then opened_ms + ${14 * DAY_MS}
        end as due_ms,
        case s
          when 'negotiating' then 'seller_response'
          when 'awaiting_return_shipment' then 'return_shipment'
          when 'return_in_transit' then 'confirm_receipt'
          when 'resolved_appealable' then 'appeal_window'
        end as due_kind,
        opened_ms + (abs(hashint4(i + 29)) % ${14 * DAY_MS}::bigint) as updated_ms
      from (select *, ${STATUS_BY_PERCENT} as s from bench_list_rows) l
    ) r, (select state from disputes where id = ${template}) t`.execute(db);
  const arbitration = await sql<{ n: string }>`select count(*)::text as n from bench_list_rows
    where h >= 95`.execute(db);
  await sql`drop table bench_list_rows`.execute(db);
  await sql`analyze`.execute(db);
  return {
    bigSellerId: `${tag}-seller-0`,
    sellers,
    inArbitration: Number(arbitration.rows[0]?.n ?? 0),
  };
}
