// GET /v1/orders: a buyer sees their own orders with what can still be refunded and the disputes
// on each; other callers are refused. The console's files, pages and config at `/`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type DisputeId, money } from '../../domain/index.ts';

describeEachDatabase('GET /v1/orders and the console at /', (getStore) => {
  let w: ApiWorld;
  let disputed: string;
  let plain: string;

  beforeAll(async () => {
    w = await apiWorld(getStore);
    disputed = await w.newOrder();
    plain = await w.newOrder();
    const opened = await w.service.open(w.buyer, {
      disputeId: w.disputeId() as DisputeId,
      orderId: disputed as never,
      reason: 'damaged',
      request: { kind: 'refund', amount: money(700, 'USD') },
      description: 'cracked',
    });
    if (!opened.ok) throw new Error(opened.rejection.code);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('lists the buyer’s own orders with the refundable amount and their disputes', async () => {
    const res = await w.app.inject({
      method: 'GET',
      url: '/v1/orders',
      headers: await w.as('buyer'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = (
      res.json() as {
        items: {
          orderId: string;
          paid: unknown;
          refundable: unknown;
          disputes: { status: string }[];
        }[];
      }
    ).items;
    const byId = new Map(items.map((o) => [o.orderId, o]));
    expect(byId.get(plain)?.disputes).toEqual([]);
    expect(byId.get(disputed)?.disputes.map((d) => d.status)).toEqual(['negotiating']);
    // Nothing refunded yet: the whole payment is refundable, as a decimal string of minor units.
    expect(byId.get(plain)?.refundable).toEqual(byId.get(plain)?.paid);
  });

  it('refuses sellers and anonymous callers', async () => {
    const seller = await w.app.inject({
      method: 'GET',
      url: '/v1/orders',
      headers: await w.as('seller'),
    });
    expect(seller.statusCode).toBe(403);
    const anonymous = await w.app.inject({ method: 'GET', url: '/v1/orders' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps unknown API paths as problem+json 404s, not the console page', async () => {
    for (const url of ['/v1/nope', '/v1/disputes/x/nope', '/docs/nope/../../v1/x']) {
      const res = await w.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('serves the status page at /status and the console config, with no session', async () => {
    const status = await w.app.inject({ method: 'GET', url: '/status' });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('Dispute engine running');
    const config = await w.app.inject({ method: 'GET', url: '/console/config.json' });
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({ signedIn: false });
    const signedIn = await w.app.inject({
      method: 'GET',
      url: '/console/config.json',
      headers: await w.as('buyer'),
    });
    expect(signedIn.json()).toMatchObject({ signedIn: true });
  });

  it('answers a page path with the console’s index.html and a missing asset with a 404', async () => {
    const page = await w.app.inject({ method: 'GET', url: '/disputes/some-id' });
    const missing = await w.app.inject({ method: 'GET', url: '/assets/nope-123.js' });
    expect(missing.statusCode).toBe(404);
    // Built by the test run's global setup (test/support/console-build.global.ts).
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1] ?? '';
    const asset = await w.app.inject({
      method: 'GET',
      url: script,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});
