// Goal: a marketplace never reads another marketplace's disputes or events. A Settle deployment
// serves one marketplace (docs/integration.md): two marketplaces are two deployments, each on
// its own database or PostgreSQL schema (SETTLE_SCHEMA), possibly on one server. Here two run
// side by side, and each one's integration key sees only its own disputes and feed, and is not
// even a key to the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describePostgres } from '../../test/support/databases.ts';
import { dropSchema, uniqueSchemaName } from '../../test/support/postgres.ts';
import { money } from '../domain/index.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';

function tenancy(openStore: () => Promise<{ store: Store; cleanUp: () => Promise<void> }>) {
  const marketplaces: { w: ApiWorld; store: Store; cleanUp: () => Promise<void>; id: string }[] =
    [];

  // One hook per marketplace: each opens and migrates a whole database, slow on a busy machine.
  for (let i = 0; i < 2; i += 1) {
    beforeAll(async () => {
      const { store, cleanUp } = await openStore();
      await migrate(store);
      const w = await apiWorld(() => store);
      const id = w.disputeId();
      const opened = await w.service.open(w.buyer, {
        disputeId: id,
        orderId: await w.newOrder(),
        reason: 'damaged',
        request: { kind: 'refund', amount: money(100, 'USD') },
        description: `marketplace ${i}`,
      });
      if (!opened.ok) throw new Error(opened.rejection.code);
      marketplaces.push({ w, store, cleanUp, id });
    }, 300_000);
  }
  afterAll(async () => {
    for (const m of marketplaces) {
      await m.w.close();
      await m.store.close();
      await m.cleanUp();
    }
  });

  it("lists, reads and replays only its own marketplace's disputes", async () => {
    const [a, b] = marketplaces as [(typeof marketplaces)[0], (typeof marketplaces)[0]];
    const key = await a.w.as('integration');
    const get = (url: string, headers = key) => a.w.app.inject({ method: 'GET', url, headers });
    const listed = (await get('/v1/disputes?limit=100')).json() as { items: { id: string }[] };
    expect(listed.items.map((i) => i.id)).toEqual([a.id]);
    expect((await get(`/v1/disputes/${a.id}`)).statusCode).toBe(200);
    expect((await get(`/v1/disputes/${b.id}`)).statusCode).toBe(404);
    const feed = (await get('/v1/events?limit=500')).json() as {
      items: { data: { disputeId?: string } }[];
    };
    const disputes = new Set(feed.items.map((e) => e.data.disputeId));
    expect(disputes.has(a.id)).toBe(true);
    expect(disputes.has(b.id)).toBe(false);
    // Marketplace A's key is no key at all to marketplace B.
    const there = await b.w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${b.id}`,
      headers: key,
    });
    expect(there.statusCode).toBe(401);
  });
}

describe('tenancy: two marketplaces [pglite]', () => {
  tenancy(async () => ({ store: await openDatabase({ memory: true }), cleanUp: async () => {} }));
});

describePostgres('tenancy: two marketplaces', (url) => {
  tenancy(async () => {
    const schema = uniqueSchemaName();
    return {
      store: await openDatabase({ databaseUrl: url, schema }),
      cleanUp: () => dropSchema(url, schema),
    };
  });
});
