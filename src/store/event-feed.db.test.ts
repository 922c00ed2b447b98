// Goal: the feed numbers committed outbox rows 1, 2, 3… without a gap or a repeat, however many
// placers and writers run at once; placing twice places nothing twice; a read can tell without
// writing whether anything waits; pruning deletes only old delivered rows and records how far it
// went in the same statement.
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { T0 } from '../../test/support/fixtures.ts';
import { feedHasUnplaced, feedState, placeFeedEvents, pruneFeed } from './event-feed.ts';
import { enqueue, markDelivered } from './outbox.ts';
import type { Store } from './store.ts';

let n = 0;
async function write(store: Store, createdAt = T0): Promise<bigint> {
  n += 1;
  return store.db.transaction().execute((trx) =>
    enqueue(trx, {
      topic: 'dispute.updated',
      aggregateId: `feed-${n}`,
      payload: { n },
      availableAt: createdAt,
    }),
  );
}

async function positions(store: Store): Promise<Map<bigint, bigint | null>> {
  const rows = await store.db.selectFrom('outbox').select(['id', 'feed_position']).execute();
  return new Map(rows.map((r) => [r.id, r.feed_position]));
}

describeEachDatabase('the event feed', (getStore) => {
  beforeEach(async () => {
    const { db } = getStore();
    await sql`delete from outbox`.execute(db);
    await sql`update event_feed set last_position = 0, pruned_through = 0, pruned_id_max = 0`.execute(
      db,
    );
  });

  it('numbers committed rows in id order, on from the last position, each once', async () => {
    const store = getStore();
    const first = [await write(store), await write(store), await write(store)];
    expect(await feedHasUnplaced(store.db)).toBe(true);
    expect(await placeFeedEvents(store.db)).toBe(3);
    expect(await placeFeedEvents(store.db)).toBe(0);
    expect(await feedHasUnplaced(store.db)).toBe(false);
    const later = [await write(store), await write(store)];
    expect(await placeFeedEvents(store.db, 1)).toBe(1);
    expect(await placeFeedEvents(store.db)).toBe(1);
    const placed = await positions(store);
    expect([...first, ...later].map((id) => placed.get(id))).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect((await feedState(store.db)).lastPosition).toBe(5n);
  });

  it('gives every row one position, 1 to n, with writers and placers running at once', async () => {
    const store = getStore();
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i += 1) {
      work.push(write(store));
      if (i % 2 === 0) work.push(placeFeedEvents(store.db));
    }
    await Promise.all(work);
    while ((await placeFeedEvents(store.db)) > 0);
    const given = [...(await positions(store)).values()].map(Number).sort((a, b) => a - b);
    expect(given).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await feedState(store.db)).lastPosition).toBe(12n);
  });

  it('prunes old delivered placed rows only, and records how far in the same statement', async () => {
    const store = getStore();
    const old = [await write(store, T0 - 10_000), await write(store, T0 - 9_000)];
    const undelivered = await write(store, T0 - 8_000);
    const recent = await write(store, T0);
    const unplaced = await write(store, T0 - 7_000);
    await placeFeedEvents(store.db, 4);
    for (const id of [...old, recent, unplaced]) await markDelivered(store.db, id, T0);

    expect(await pruneFeed(store.db, T0 - 1_000)).toBe(2);
    expect(await pruneFeed(store.db, T0 - 1_000)).toBe(0);
    expect([...(await positions(store)).keys()].sort()).toEqual(
      [undelivered, recent, unplaced].sort(),
    );
    const state = await feedState(store.db);
    expect(state.prunedThrough).toBe(2n);
    expect(state.prunedIdMax).toBe(old[1]);
    expect(state.lastPosition).toBe(4n);
  });
});
