// Following `GET /v1/events`: an async iterator over the feed's events, page after page, that
// keeps the cursor (`nextCursor`, which also moves past events a `types` filter left out) so the
// caller can store it and resume after a restart. Without `pollMs` it stops once caught up; with
// it, it waits and asks again until the caller breaks out or the signal aborts.
import type { Client } from 'openapi-fetch';
import { unwrap } from './problem.ts';
import type { paths } from './schema.generated.ts';

type Feed = paths['/v1/events']['get'];
type FeedQuery = NonNullable<Feed['parameters']['query']>;
type FeedPage = Feed['responses'][200]['content']['application/json'];
export type FeedEvent = FeedPage['items'][number];

export interface FollowOptions {
  /** The cursor stored last time (an event id or a `nextCursor`); absent: the oldest kept. */
  readonly after?: string;
  readonly types?: FeedQuery['types'];
  /** Events per page (the server caps it). */
  readonly limit?: number;
  /** Once caught up, wait this long and ask again (forever); absent: stop when caught up. */
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
}

export interface EventFollower extends AsyncIterable<FeedEvent> {
  /** Where to resume: store it after handling each event (undefined before the first page). */
  readonly cursor: string | undefined;
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export function followEvents(client: Client<paths>, o: FollowOptions = {}): EventFollower {
  let cursor = o.after;
  async function* events(): AsyncGenerator<FeedEvent> {
    while (o.signal?.aborted !== true) {
      const query: FeedQuery = {
        ...(cursor === undefined ? {} : { after: cursor }),
        ...(o.types === undefined ? {} : { types: o.types }),
        ...(o.limit === undefined ? {} : { limit: o.limit }),
      };
      const page = unwrap(
        await client.GET('/v1/events', {
          params: { query },
          ...(o.signal === undefined ? {} : { signal: o.signal }),
        }),
      );
      for (const event of page.items) {
        cursor = event.id;
        yield event;
      }
      // After the page's events: the page cursor may lie past filtered-out events.
      if (page.nextCursor !== undefined) cursor = page.nextCursor;
      if (page.hasMore) continue;
      if (o.pollMs === undefined) return;
      await sleep(o.pollMs, o.signal);
    }
  }
  return {
    get cursor() {
      return cursor;
    },
    [Symbol.asyncIterator]: events,
  };
}
