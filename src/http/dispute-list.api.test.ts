// Listing disputes: only the caller's own, filtered by status and reason, soonest deadline
// first, and paged with an opaque cursor that neither skips nor repeats a dispute.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { DAY_MS, type DisputeId, money } from '../domain/index.ts';

describeEachDatabase('GET /v1/disputes', (getStore) => {
  let w: ApiWorld;
  const ids: string[] = [];

  beforeAll(async () => {
    w = await apiWorld(getStore);
    // Five disputes opened a day apart: their seller-response deadlines fall a day apart too.
    for (let i = 0; i < 5; i += 1) {
      const id = `list-${i}-${w.disputeId()}` as DisputeId;
      const opened = await w.service.open(w.buyer, {
        disputeId: id,
        orderId: await w.newOrder(),
        reason: i === 4 ? 'wrong_item' : 'damaged',
        request: { kind: 'refund', amount: money(100 + i, 'USD') },
        description: `dispute ${i}`,
      });
      if (!opened.ok) throw new Error(opened.rejection.code);
      ids.push(id);
      w.clock.advance(DAY_MS / 4);
    }
    await w.service.handle(ids[3] as DisputeId, w.buyer, { type: 'cancel', reason: 'sorted' });
  });
  afterAll(async () => {
    await w?.close();
  });

  const list = async (query: string, role: 'buyer' | 'seller' | 'arbitrator' = 'buyer') => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes${query}`,
      headers: await w.as(role),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: { id: string; status: string; nextDueAt?: string }[];
      nextCursor?: string;
    };
  };

  it('pages by cursor in next-deadline order, no dispute skipped or repeated', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const body = await list(
        `?limit=2${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (cursor === undefined) break;
    }
    const mine = seen.filter((id) => ids.includes(id));
    expect(new Set(seen).size).toBe(seen.length);
    // Open disputes by deadline (soonest first), then the cancelled one, which has no deadline.
    expect(mine).toEqual([ids[0], ids[1], ids[2], ids[4], ids[3]]);
  });

  it('filters by status and reason, and sorts by opening time on request', async () => {
    expect((await list('?status=cancelled')).items.map((i) => i.id)).toEqual([ids[3]]);
    expect((await list('?reason=wrong_item')).items.map((i) => i.id)).toEqual([ids[4]]);
    const byOpening = (await list('?sort=opened_at&limit=100')).items
      .map((i) => i.id)
      .filter((id) => ids.includes(id));
    expect(byOpening).toEqual([...ids].reverse());
    expect(
      (await list('?status=negotiating&status=cancelled&limit=100', 'seller')).items.length,
    ).toBe(5);
  });

  it('pages by cursor newest first, no dispute skipped or repeated', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const body = await list(
        `?sort=opened_at&limit=2${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (cursor === undefined) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());
  });

  it('refuses a forged cursor with a 400 problem', async () => {
    const res = await w.app.inject({
      method: 'GET',
      url: '/v1/disputes?cursor=not-a-cursor',
      headers: await w.as('buyer'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
