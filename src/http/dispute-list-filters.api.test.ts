// Goal: the marketplace's integration key reads and lists every dispute with the filters an
// operator expects (order, buyer, seller, status, reason, market, opened and updated ranges, a
// deadline before), paged by a stable cursor; seller staff and buyers get the same filters on
// their own disputes only; and each common filter is served by an index (EXPLAIN).
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../test/support/service-world.ts';
import { DAY_MS, type DisputeId, HOUR_MS, type MessageId, money } from '../domain/index.ts';
import { type DisputeFilter, disputeListQuery } from '../service/queries.ts';

describeEachDatabase('GET /v1/disputes as the marketplace', (getStore) => {
  let w: ApiWorld;
  let other: ServiceWorld;
  let d1: string;
  let d2: string;
  let d3: string;
  let t0: number;
  let cancelledAt: number;

  const open = async (world: ServiceWorld, reason: 'damaged' | 'wrong_item') => {
    const id = world.disputeId();
    const orderId = await world.newOrder();
    const opened = await world.service.open(world.buyer, {
      disputeId: id,
      orderId,
      reason,
      request: { kind: 'refund', amount: money(100, 'USD') },
      description: reason,
    });
    if (!opened.ok) throw new Error(opened.rejection.code);
    return { id: id as string, orderId: orderId as string };
  };

  beforeAll(async () => {
    w = await apiWorld(getStore);
    // Another store, in Italy, with its own buyer.
    other = await serviceWorld(getStore(), { sellerCountry: 'IT' });
    t0 = w.clock.current();
    d3 = (await open(other, 'damaged')).id;
    d1 = (await open(w, 'damaged')).id;
    const posted = await w.service.handle(d1 as DisputeId, w.buyer, {
      type: 'post_message',
      messageId: 'm-secret' as MessageId,
      body: 'only for the arbitrator',
      arbitratorOnly: true,
    });
    expect(posted.ok).toBe(true);
    w.clock.advance(DAY_MS);
    d2 = (await open(w, 'wrong_item')).id;
    w.clock.advance(HOUR_MS);
    cancelledAt = w.clock.current();
    await w.service.handle(d2 as DisputeId, w.buyer, { type: 'cancel', reason: 'sorted' });
  });
  afterAll(async () => {
    await w?.close();
  });

  const list = async (query: string, role: 'integration' | 'buyer' | 'seller' = 'integration') => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes?limit=100&${query}`,
      headers: await w.as(role),
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: { id: string }[] }).items.map((i) => i.id).sort();
  };
  const sorted = (...ids: string[]) => [...ids].sort();
  const iso = (at: number) => new Date(at).toISOString();

  it('lists every dispute of the marketplace to its integration key, with each filter', async () => {
    expect(await list('')).toEqual(sorted(d1, d2, d3));
    const order = (await w.service.get(d1))?.dispute.order.orderId ?? '';
    expect(await list(`orderId=${order}`)).toEqual([d1]);
    expect(await list(`buyerId=${other.buyerId}`)).toEqual([d3]);
    expect(await list(`sellerId=${w.sellerId}`)).toEqual(sorted(d1, d2));
    expect(await list('status=cancelled')).toEqual([d2]);
    expect(await list('reason=wrong_item')).toEqual([d2]);
    expect(await list('market=seller:IT')).toEqual([d3]);
    expect(await list('market=buyer:US')).toEqual(sorted(d1, d2, d3));
    expect(await list(`openedFrom=${iso(t0 + DAY_MS)}`)).toEqual([d2]);
    expect(await list(`openedTo=${iso(t0 + DAY_MS)}`)).toEqual(sorted(d1, d3));
    expect(await list(`updatedFrom=${iso(cancelledAt)}`)).toEqual([d2]);
    expect(await list(`updatedTo=${iso(cancelledAt)}`)).toEqual(sorted(d1, d3));
    // The cancelled dispute has no deadline left.
    expect(await list(`deadlineBefore=${iso(t0 + 365 * DAY_MS)}`)).toEqual(sorted(d1, d3));
    expect(await list(`deadlineBefore=${iso(t0)}`)).toEqual([]);
  });

  it('pages by updated time without skipping or repeating', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const res = await w.app.inject({
        method: 'GET',
        url: `/v1/disputes?sort=updated_at&limit=1${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
        headers: await w.as('integration'),
      });
      const body = res.json() as { items: { id: string }[]; nextCursor?: string };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (cursor === undefined) break;
    }
    expect(seen.sort()).toEqual(sorted(d1, d2, d3));
    expect(new Set(seen).size).toBe(3);
  });

  it('keeps buyers and seller staff to their own disputes under the same filters', async () => {
    expect(await list('', 'seller')).toEqual(sorted(d1, d2));
    expect(await list(`buyerId=${other.buyerId}`, 'seller')).toEqual([]);
    expect(await list('status=cancelled', 'seller')).toEqual([d2]);
    expect(await list('market=seller:IT', 'buyer')).toEqual([]);
    expect(await list('reason=damaged', 'buyer')).toEqual([d1]);
  });

  it('filters by the kind of the next deadline (a seller’s "needs my action")', async () => {
    expect(await list('nextDeadline=seller_response', 'seller')).toEqual([d1]);
    expect(await list('nextDeadline=return_label&nextDeadline=seller_response')).toEqual(
      sorted(d1, d3),
    );
    expect(await list('nextDeadline=return_shipment', 'seller')).toEqual([]);
  });

  it('counts the caller’s disputes per status, reason, market and next deadline', async () => {
    const counts = async (role: 'integration' | 'buyer' | 'seller') => {
      const res = await w.app.inject({
        method: 'GET',
        url: '/v1/disputes/counts',
        headers: await w.as(role),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const seller = await counts('seller');
    expect(seller).toMatchObject({
      total: 2,
      status: { negotiating: 1, cancelled: 1 },
      reason: { damaged: 1, wrong_item: 1 },
      nextDeadline: { seller_response: 1 },
    });
    expect(Object.values(seller.buyerMarket)).toEqual([2]);
    const all = await counts('integration');
    expect(all).toMatchObject({ total: 3, reason: { damaged: 2, wrong_item: 1 } });
    expect(all.sellerMarket.IT).toBe(1);
    expect((await counts('buyer')).total).toBe(2);
  });

  it('answers a repeated list or count with 304 until a dispute changes (polling with ETags)', async () => {
    const headers = await w.as('seller');
    for (const url of ['/v1/disputes?limit=100', '/v1/disputes/counts']) {
      const first = await w.app.inject({ method: 'GET', url, headers });
      const etag = first.headers.etag as string;
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const again = await w.app.inject({
        method: 'GET',
        url,
        headers: { ...headers, 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const posted = await w.service.handle(d1 as DisputeId, w.buyer, {
        type: 'post_message',
        messageId: `m-poll-${url.length}` as MessageId,
        body: 'anything new?',
        arbitratorOnly: false,
      });
      expect(posted.ok).toBe(true);
      const changed = await w.app.inject({
        method: 'GET',
        url,
        headers: { ...headers, 'if-none-match': etag },
      });
      // A message moves the list's version (and updated time); the counts stay the same.
      expect(changed.statusCode).toBe(url.includes('counts') ? 304 : 200);
    }
  });

  it('reads a dispute as the marketplace: everything but what a party kept for the arbitrator', async () => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${d1}`,
      headers: await w.as('integration'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.viewer).toMatchObject({ role: 'integration', actions: [] });
    expect(res.body).not.toContain('only for the arbitrator');
    expect(view.suggestion).toBeUndefined();
  });

  it('refuses a market that is not buyer:XX or seller:XX with 400', async () => {
    const res = await w.app.inject({
      method: 'GET',
      url: '/v1/disputes?market=IT',
      headers: await w.as('integration'),
    });
    expect(res.statusCode).toBe(400);
  });

  it('serves each common filter from an index', async () => {
    const plan = async (f: Omit<DisputeFilter, 'limit'>) =>
      w.store.db.transaction().execute(async (trx) => {
        // The tables are tiny here: without this the planner rightly reads them whole.
        await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
        const q = disputeListQuery(trx, { ...f, limit: 25 })
          .limit(26)
          .compile();
        const rows = await trx.executeQuery<Record<string, string>>(
          CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]),
        );
        return rows.rows.map((r) => Object.values(r)[0]).join('\n');
      });
    expect(await plan({ orderId: 'o', sort: 'opened_at' })).toContain('disputes_order');
    expect(await plan({ buyer: 'b', sort: 'opened_at' })).toContain('disputes_buyer_opened');
    expect(await plan({ statuses: ['in_arbitration'], sort: 'next_deadline' })).toContain(
      'disputes_status_next_deadline',
    );
    expect(await plan({ updatedFrom: t0, sort: 'updated_at' })).toContain('disputes_updated');
    // A store's inbox by status: its own index (0021) or the status one, as the planner costs them.
    expect(await plan({ seller: 's', statuses: ['negotiating'], sort: 'next_deadline' })).toMatch(
      /disputes_(seller_)?status_next_deadline/,
    );
  });
});
