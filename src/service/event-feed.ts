// The catch-up feed (issue 10, item 2): the public events the webhooks carry, in the order they
// committed, from a cursor that is simply the id of the last event the caller processed (from
// the feed or from a webhook's `webhook-id`). Kept `eventsRetentionDays` (at least 30); the
// runner places new events and prunes old ones (store/event-feed.ts).
import { DAY_MS } from '../domain/index.ts';
import {
  FEED_SCAN_MAX,
  feedHasUnplaced,
  feedPositionOf,
  feedRowsAfter,
  feedState,
  placeFeedEvents,
  pruneFeed,
} from '../store/event-feed.ts';
import type { Store } from '../store/store.ts';
import {
  FEED_TYPES,
  outboxIdOf,
  type PublicEvent,
  publicEventId,
  toPublicEvents,
} from './public-events/index.ts';

export const FEED_PAGE_DEFAULT = 100;
export const FEED_PAGE_MAX = 500;
export const EVENTS_RETENTION_DAYS_MIN = 30;

export interface FeedQuery {
  /** The id of the last event the caller has (`msg_…`); absent: from the oldest kept. */
  readonly after?: string;
  /** Only these types; absent or empty: every feed type. */
  readonly types?: readonly string[];
  readonly limit: number;
}

export type FeedPage =
  | {
      readonly ok: true;
      readonly items: readonly PublicEvent[];
      /** Pass as `after` next time: the last event looked at, listed or not (a type filter). */
      readonly nextCursor?: string;
      /** More events are already there: ask again at once. */
      readonly hasMore: boolean;
    }
  | { readonly ok: false; readonly code: 'invalid' | 'gone' };

export async function readFeed(store: Store, q: FeedQuery): Promise<FeedPage> {
  // A reader places what has committed, so an event is in the feed as soon as its webhook can
  // be (the runner may be another process, polling once a second). Only when something waits:
  // placing locks and updates the event_feed row, and a read that writes nothing stays a pure
  // read (decision 26).
  if (await feedHasUnplaced(store.db)) await placeFeedEvents(store.db);
  const start = await startPosition(store, q.after);
  if (typeof start === 'string') return { ok: false, code: start };
  const limit = Math.min(Math.max(q.limit, 1), FEED_PAGE_MAX);
  const types = new Set(q.types === undefined || q.types.length === 0 ? FEED_TYPES : q.types);
  const scanned = await feedRowsAfter(store.db, start);
  const listed = [];
  let lastLooked: bigint | undefined;
  for (const row of scanned) {
    if (listed.length === limit) break;
    lastLooked = row.id;
    if (types.has(row.topic)) listed.push(row);
  }
  const items = await toPublicEvents(store.db, listed);
  const cursor = lastLooked === undefined ? q.after : publicEventId(lastLooked);
  const lookedAll = scanned.findIndex((r) => r.id === lastLooked) === scanned.length - 1;
  return {
    ok: true,
    items,
    ...(cursor === undefined ? {} : { nextCursor: cursor }),
    hasMore: !lookedAll || scanned.length === FEED_SCAN_MAX,
  };
}

/** The feed position after which to read, or why the cursor cannot be read from. */
async function startPosition(
  store: Store,
  after: string | undefined,
): Promise<bigint | 'invalid' | 'gone'> {
  if (after === undefined) return 0n;
  const id = outboxIdOf(after);
  if (id === undefined) return 'invalid';
  const [row, state] = [await feedPositionOf(store.db, id), await feedState(store.db)];
  if (row === undefined) return id <= state.prunedIdMax ? 'gone' : 'invalid';
  // Placed by the call above unless another placer holds the feed: read from where it is sure.
  if (row.position === null) return state.lastPosition;
  return row.position < state.prunedThrough ? 'gone' : row.position;
}

/** The runner's share: place what committed, then drop what is past retention. */
export async function keepFeed(store: Store, now: number, retentionDays: number): Promise<void> {
  await placeFeedEvents(store.db);
  await pruneFeed(store.db, now - retentionDays * DAY_MS);
}
