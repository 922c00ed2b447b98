// What a dispute view is built from, read in as few statements as its cost allows: the row's
// head (version and parties, and the database's time in the same statement) decides whether a
// cached view still holds; the state, the latest timeline page, tracking and ledger only when
// the view must be rendered. Nothing here reads every event of the dispute.
import { sql } from 'kysely';
import { type Dispute, type Instant, instant } from '../domain/index.ts';
import type { Store } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { Viewer } from './dispute-case.ts';
import {
  type LedgerEntryView,
  ledgerForOrder,
  type TrackingView,
  trackingForOrder,
} from './queries.ts';
import { decodeDispute } from './state-codec.ts';
import { latestTimeline, type TimelineEntry } from './timeline.ts';

export interface DisputeHead {
  readonly version: number;
  readonly buyerId: string;
  readonly sellerId: string;
  readonly now: Instant;
}

/** The row's version and parties, and `now` from the clock (in the same statement for the database clock). */
export async function readDisputeHead(
  store: Store,
  clock: Clock,
  disputeId: string,
): Promise<DisputeHead | undefined> {
  const database = clock.kind === 'database';
  const { rows } = await sql<{
    version: number;
    buyer_id: string;
    seller_id: string;
    now: Date | null;
  }>`select version, buyer_id, seller_id, ${database ? sql`clock_timestamp()` : sql`null::timestamptz`} as now
     from disputes where id = ${disputeId}`.execute(store.db);
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    version: row.version,
    buyerId: row.buyer_id,
    sellerId: row.seller_id,
    now: row.now !== null ? instant(row.now.getTime()) : await clock.now(),
  };
}

export async function readDisputeParties(
  store: Store,
  disputeId: string,
): Promise<{ buyerId: string; sellerId: string } | undefined> {
  return store.db
    .selectFrom('disputes')
    .select(['buyer_id as buyerId', 'seller_id as sellerId'])
    .where('id', '=', disputeId)
    .executeTakeFirst();
}

export async function readDisputeState(
  store: Store,
  disputeId: string,
): Promise<{ dispute: Dispute; version: number } | undefined> {
  const row = await store.db
    .selectFrom('disputes')
    .select(['state', 'version'])
    .where('id', '=', disputeId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { dispute: decodeDispute(row.state), version: row.version };
}

/** A dispute as a view shows it: the state at `version`, and the parts that live beside it. */
export interface ViewCase {
  readonly dispute: Dispute;
  readonly version: number;
  readonly timeline: readonly TimelineEntry[];
  readonly tracking: readonly TrackingView[];
  readonly ledger: readonly LedgerEntryView[];
}

export async function loadViewCase(
  store: Store,
  dispute: Dispute,
  version: number,
  viewer: Viewer,
): Promise<ViewCase> {
  const [timeline, tracking, ledger] = await Promise.all([
    latestTimeline(store.db, dispute, version, viewer),
    trackingForOrder(store.db, dispute.order.orderId),
    ledgerForOrder(store.db, dispute.order.orderId),
  ]);
  return { dispute, version, timeline, tracking, ledger };
}
