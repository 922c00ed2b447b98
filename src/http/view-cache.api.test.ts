// The dispute view is cached per process (src/http/views/view-cache.ts). A cached view must be
// exactly what a fresh render gives the same caller: never another viewer's (hidden items,
// staff-only fields), never stale once time changes what the viewer may do. And the timeline in
// the view is only its latest entries; the rest are paged. Run on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { feedOrder, http } from '../../test/support/http-client.ts';

const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;
const DAY_MS = 24 * 60 * 60 * 1000;
const SECRET = 'for the arbitrator: the buyer did this before';

describeEachDatabase('dispute view cache', (getStore) => {
  let w: ApiWorld;
  afterEach(async () => {
    await w?.close();
  });

  async function open(minor = 2500) {
    const h = http(w);
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: String(minor) });
    const opened = await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: unique('dsp'),
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: String(minor), currency: 'USD' } },
        description: 'cracked',
      },
      201,
    );
    return opened.body.id as string;
  }

  it('each viewer gets their own view of one version, however often and in whatever order they ask', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const id = await open();
    await h.post('seller', `/v1/disputes/${id}/messages`, { body: SECRET, arbitratorOnly: true });
    // The seller renders first (the hidden note is theirs), then the others at the same version.
    const seller1 = await h.get('seller', `/v1/disputes/${id}`);
    const buyer1 = await h.get('buyer', `/v1/disputes/${id}`);
    const staff1 = await h.get('arbitrator', `/v1/disputes/${id}`);
    const seller2 = await h.get('seller', `/v1/disputes/${id}`);
    const buyer2 = await h.get('buyer', `/v1/disputes/${id}`);
    const staff2 = await h.get('arbitrator', `/v1/disputes/${id}`);

    expect(seller1.text).toContain(SECRET);
    expect(staff1.text).toContain(SECRET);
    for (const b of [buyer1, buyer2]) {
      expect(b.text).not.toContain(SECRET);
      expect(b.body.messages).toEqual([]);
      expect(b.body.viewer.role).toBe('buyer');
      expect(b.body.suggestion).toBeUndefined();
      expect(b.body.version).toBe(seller1.body.version - 1);
    }
    expect(seller1.body.suggestion).toBeUndefined();
    expect(staff1.body.suggestion).toBeDefined();
    // A repeat is byte for byte the first answer, under the same ETag; viewers' ETags differ.
    expect(buyer2.text).toBe(buyer1.text);
    expect(seller2.text).toBe(seller1.text);
    expect(staff2.text).toBe(staff1.text);
    expect(buyer2.headers.etag).toBe(buyer1.headers.etag);
    const etags = new Set([buyer1.headers.etag, seller1.headers.etag, staff1.headers.etag]);
    expect(etags.size).toBe(3);
    // Another buyer and another store's staff still get 404 after the view is cached.
    const stranger = await w.createUser('buyer', { email: `${unique('other')}@example.com` });
    const res = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${id}`,
      headers: stranger.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(SECRET);
  });

  it('If-None-Match with the current ETag answers 304; a change the party cannot see keeps it', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const id = await open();
    const first = await h.get('buyer', `/v1/disputes/${id}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const headers = { ...(await w.as('buyer')), 'if-none-match': etag };
    const same = await w.app.inject({ method: 'GET', url: `/v1/disputes/${id}`, headers });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    // The seller's arbitrator-only note is a new version, but not of what the buyer sees.
    await h.post('seller', `/v1/disputes/${id}/messages`, { body: SECRET, arbitratorOnly: true });
    const hidden = await w.app.inject({ method: 'GET', url: `/v1/disputes/${id}`, headers });
    expect(hidden.statusCode).toBe(304);
    await h.post('seller', `/v1/disputes/${id}/messages`, { body: 'shipped it intact' });
    const changed = await w.app.inject({ method: 'GET', url: `/v1/disputes/${id}`, headers });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json().messages).toHaveLength(1);
  });

  it('what a viewer may do follows the clock without a new version (the appeal window closes)', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const id = await open();
    await h.post('seller', `/v1/disputes/${id}/offers/${id}.request/reject`, {
      reason: 'it left intact',
      counter: { terms: { kind: 'refund', amount: { minor: '500', currency: 'USD' } } },
    });
    await h.post('buyer', `/v1/disputes/${id}/escalate`, { note: 'not enough' });
    await h.post('arbitrator', `/v1/disputes/${id}/ruling`, {
      outcome: { kind: 'refund', amount: { minor: '2500', currency: 'USD' } },
      responsibility: 'seller',
      reasonCode: 'damaged',
      note: 'refund',
    });
    const before = (await h.get('seller', `/v1/disputes/${id}`)).body;
    expect(before.appealDueAt).toBeDefined();
    expect(before.viewer.actions).toContain('appeal');
    w.clock.advance(Date.parse(before.appealDueAt) - w.clock.current() + DAY_MS);
    const after = (await h.get('seller', `/v1/disputes/${id}`)).body;
    expect(after.version).toBe(before.version);
    expect(after.viewer.actions).not.toContain('appeal');
  });

  it('the view carries the latest timeline entries; the rest are paged, numbered as the viewer sees them', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const id = await open();
    for (let i = 0; i < 56; i++) {
      const hidden = i % 8 === 0;
      await h.post('seller', `/v1/disputes/${id}/messages`, {
        body: hidden ? SECRET : `note ${i}`,
        ...(hidden ? { arbitratorOnly: true } : {}),
      });
    }
    for (const role of ['buyer', 'seller', 'arbitrator'] as const) {
      const view = (await h.get(role, `/v1/disputes/${id}`)).body;
      expect(view.timeline).toHaveLength(50);
      expect(view.timeline.at(-1).seq).toBe(view.version);
      const all: { seq: number; by: string }[] = [];
      let after = 0;
      for (;;) {
        const page = (await h.get(role, `/v1/disputes/${id}/timeline?after=${after}&limit=20`))
          .body;
        all.push(...page.items);
        if (page.nextAfter === undefined) break;
        after = page.nextAfter;
      }
      // Every entry once, 1..version without a gap, and the view's entries are the last 50.
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(all).toHaveLength(view.version);
      expect(all.slice(-50)).toEqual(view.timeline);
    }
    const buyerAll = (await h.get('buyer', `/v1/disputes/${id}/timeline?limit=200`)).body.items;
    const staffAll = (await h.get('arbitrator', `/v1/disputes/${id}/timeline?limit=200`)).body
      .items;
    expect(staffAll).toHaveLength(buyerAll.length + 7);
  });
});
