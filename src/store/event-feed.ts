// The catch-up feed over the outbox (migration 0027). Outbox ids are taken when a row is
// written, not when it commits, so the feed orders rows by a position given after they commit:
// whoever places holds the event_feed row, numbers every committed unplaced row in id order from
// the last position, and commits; the next placer waits for that commit and sees those rows
// placed. A reader therefore never sees position n+1 before n, and never misses a row that
// committed late. Pruning deletes old, delivered, placed rows and remembers how far it went, so a
// cursor that lost events can be told so (410) instead of silently skipping them.
import { type Kysely, sql } from 'kysely';
import { DELIVERY_ATTEMPTS_MAX } from './outbox.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** Rows placed per statement: bounds one placement's work and lock time. */
export const PLACE_BATCH_MAX = 1000;
/** Rows one feed read looks at, matching the requested types or not. */
export const FEED_SCAN_MAX = 1000;
/** Rows one prune statement deletes. */
export const PRUNE_BATCH_MAX = 1000;

export interface FeedRow {
  readonly id: bigint;
  readonly position: bigint;
  readonly topic: string;
  readonly payload: unknown;
  readonly createdAt: number;
}

/**
 * Places committed rows in the feed; returns how many. When another placer holds the feed
 * (`SKIP LOCKED`), places nothing: that one is placing what has committed.
 *
 * Two statements, and the second takes the last position from the table rather than from the
 * first's answer: every statement is then right whenever it runs after the lock, so a recorded
 * placement replayed later (bench/store.bench.ts replays the runner's statements on a twin data
 * set) numbers on from the feed as it is, instead of from a stale position that collides with
 * `outbox_feed`. It has to stay two: the lock must come before the statement that reads what is
 * unplaced, or under READ COMMITTED that statement's snapshot could predate a placer that
 * committed while we waited and place its rows a second time.
 */
export async function placeFeedEvents(db: Db, limit = PLACE_BATCH_MAX): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const feed = await trx
      .selectFrom('event_feed')
      .select('id')
      .where('id', '=', 1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (feed === undefined) return 0;
    const placed = await sql<{ placed: number }>`
      with next as (
        select id, row_number() over (order by id) as rn from outbox
        where feed_position is null order by id limit ${limit}),
      placed as (
        update outbox o set feed_position = f.last_position + next.rn
        from next, event_feed f
        where f.id = 1 and o.id = next.id
        returning 1)
      update event_feed set last_position = last_position + (select count(*) from placed)
      where id = 1 and exists (select 1 from placed)
      returning (select count(*) from placed)::int as placed`.execute(trx);
    return placed.rows[0]?.placed ?? 0;
  });
}

/** Whether any committed row waits for a place in the feed (a read: the partial index). */
export async function feedHasUnplaced(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where('feed_position', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface FeedState {
  readonly lastPosition: bigint;
  /** Positions at or below this may have been deleted. */
  readonly prunedThrough: bigint;
  /** The highest outbox id deleted: a missing row below it was pruned. */
  readonly prunedIdMax: bigint;
}

export async function feedState(db: Db): Promise<FeedState> {
  const row = await db
    .selectFrom('event_feed')
    .select(['last_position', 'pruned_through', 'pruned_id_max'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    lastPosition: row.last_position,
    prunedThrough: row.pruned_through,
    prunedIdMax: row.pruned_id_max,
  };
}

/** The row of an outbox id: its feed position (null: not placed yet), or undefined if gone. */
export async function feedPositionOf(
  db: Db,
  outboxId: bigint,
): Promise<{ position: bigint | null } | undefined> {
  const row = await db
    .selectFrom('outbox')
    .select('feed_position')
    .where('id', '=', outboxId)
    .executeTakeFirst();
  return row === undefined ? undefined : { position: row.feed_position };
}

/** Up to FEED_SCAN_MAX placed rows after `after`, in feed order. */
export async function feedRowsAfter(
  db: Db,
  after: bigint,
  scan = FEED_SCAN_MAX,
): Promise<FeedRow[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'feed_position', 'topic', 'payload', 'created_at'])
    .where('feed_position', '>', after)
    .orderBy('feed_position')
    .limit(scan)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.feed_position as bigint,
    topic: r.topic,
    payload: r.payload,
    createdAt: r.created_at.getTime(),
  }));
}

/**
 * Deletes up to `limit` placed rows written before `before` whose deliveries are done (delivered,
 * or given up after the last attempt), and records how far it went. Returns how many. One
 * statement: the delete and the record of it commit together, and nothing in it depends on an
 * earlier answer.
 */
export async function pruneFeed(db: Db, before: number, limit = PRUNE_BATCH_MAX): Promise<number> {
  const pruned = await sql<{ pruned: number }>`
    with deleted as (
      delete from outbox where id in (
        select id from outbox
        where created_at < ${new Date(before)} and feed_position is not null
          and (delivered_at is not null or attempts >= ${DELIVERY_ATTEMPTS_MAX})
        order by created_at limit ${limit})
      returning id, feed_position)
    update event_feed set
      pruned_through = greatest(pruned_through, (select max(feed_position) from deleted)),
      pruned_id_max = greatest(pruned_id_max, (select max(id) from deleted))
    where id = 1 and exists (select 1 from deleted)
    returning (select count(*) from deleted)::int as pruned`.execute(db);
  return pruned.rows[0]?.pruned ?? 0;
}
