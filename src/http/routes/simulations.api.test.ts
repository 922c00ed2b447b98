// What-if simulations over HTTP: admins only (403 for anyone else), bad input is a 4xx problem,
// a small simulation runs in the background on its own store (the world's data is untouched),
// is polled to its report and HTML page, and a running one can be cancelled.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';

const TINY = { sellers: 3, orders: 120, days: 3, seed: 11 };

describeEachDatabase('simulations API', (getStore) => {
  let w: ApiWorld;
  let admin: Record<string, string>;
  beforeAll(async () => {
    w = await apiWorld(getStore);
    admin = await w.as('admin');
  });
  afterAll(async () => {
    await w.close();
  });

  const post = (headers: Record<string, string>, url: string, payload?: object) =>
    w.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });
  const get = (url: string) => w.app.inject({ method: 'GET', url, headers: admin });

  it('refuses non-admins and bad input with problem+json', async () => {
    const seller = await post(await w.as('seller'), '/v1/simulations', TINY);
    expect(seller.statusCode).toBe(403);
    const tooBig = await post(admin, '/v1/simulations', { ...TINY, orders: 10_000_000 });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    const badPolicy = await post(admin, '/v1/simulations', {
      ...TINY,
      policy: { negotiationDays: -1 },
    });
    expect(badPolicy.statusCode).toBe(422);
    expect(badPolicy.json().code).toBe('simulation.policy_invalid');
    expect((await get('/v1/simulations/nope')).statusCode).toBe(404);
  });

  it('runs a what-if in the background and answers with its report', async () => {
    const ordersBefore = await getStore().db.selectFrom('orders').select('id').execute();
    const created = await post(admin, '/v1/simulations', {
      ...TINY,
      comparePolicy: { negotiationDays: 3 },
    });
    expect(created.statusCode).toBe(202);
    const id = created.json().id as string;
    let body = created.json();
    // Real work in the background: poll until it ends (bounded).
    for (let i = 0; i < 600 && body.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      body = (await get(`/v1/simulations/${id}`)).json();
    }
    expect(body.status).toBe('succeeded');
    expect(body.progress.percent).toBe(100);
    expect(body.report.base.reconciliation.ok).toBe(true);
    expect(body.report.comparison.differences.length).toBeGreaterThan(0);
    const html = await get(`/v1/simulations/${id}/report.html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<svg');
    // The live store was not touched.
    const ordersAfter = await getStore().db.selectFrom('orders').select('id').execute();
    expect(ordersAfter.length).toBe(ordersBefore.length);
    // A finished simulation cannot be cancelled.
    const late = await w.app.inject({
      method: 'DELETE',
      url: `/v1/simulations/${id}`,
      headers: admin,
    });
    expect(late.statusCode).toBe(409);
  }, 300_000);

  it('cancels a running simulation', async () => {
    const created = await post(admin, '/v1/simulations', { ...TINY, orders: 20_000, days: 90 });
    expect(created.statusCode).toBe(202);
    const id = created.json().id as string;
    const cancelled = await post(admin, `/v1/simulations/${id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await get(`/v1/simulations/${id}/report.html`)).statusCode).toBe(409);
  });
});
