// Goal: every route sees who is calling, from an API key or the session cookie; a cookie alone
// cannot write (CSRF); requireRole answers 401 for nobody and 403 for the wrong role; API keys
// work without cookies and fail with 401 once revoked or when malformed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { RouteGroup } from './app.ts';
import { requireRole } from './auth.ts';
import { ROUTE_GROUPS } from './routes/index.ts';

// A stand-in for the real route groups: one read, and writes for each kind of caller.
const notes: string[] = [];
const probe: RouteGroup = (app) => {
  app.get('/test/whoami', async (request) => request.caller);
  app.post('/test/notes', async (request, reply) => {
    if (!requireRole(request, reply, ['buyer', 'seller'])) return reply;
    notes.push(String((request.body as { text?: unknown } | undefined)?.text));
    return { notes: notes.length };
  });
  app.post('/test/feed', async (request, reply) => {
    if (!requireRole(request, reply, ['integration'])) return reply;
    return { ok: true };
  });
  app.put('/test/policy', async (request, reply) => {
    if (!requireRole(request, reply, ['admin'])) return reply;
    return { ok: true };
  });
};

describeEachDatabase('authentication', (getStore) => {
  let w: ApiWorld;
  beforeAll(async () => {
    w = await apiWorld(getStore, { groups: [...ROUTE_GROUPS, probe] });
  });
  afterAll(async () => {
    await w.close();
  });

  const whoami = async (headers: Record<string, string>) =>
    (await w.app.inject({ method: 'GET', url: '/test/whoami', headers })).json();

  it('turns each signed-in role into the engine actor', async () => {
    expect(await whoami({})).toEqual({ kind: 'anonymous' });
    expect(await whoami(await w.as('buyer'))).toMatchObject({
      kind: 'user',
      role: 'buyer',
      userId: w.buyerId,
      actor: { role: 'buyer', id: w.buyerId },
    });
    expect(await whoami(await w.as('seller'))).toMatchObject({
      kind: 'user',
      role: 'seller',
      sellerId: w.sellerId,
      actor: { role: 'seller', id: w.sellerId, userId: w.users.seller.user.id },
    });
    expect((await whoami(await w.as('arbitrator'))).actor).toEqual(w.arbitrator);
    expect((await whoami(await w.as('arbitrator2'))).actor).toEqual(w.arbitrator2);
    expect((await whoami(await w.as('admin'))).actor).toEqual({
      role: 'admin',
      id: w.users.admin.user.id,
    });
  });

  it('refuses a cookie-signed write without the right CSRF token, and changes nothing', async () => {
    const buyer = await w.as('buyer');
    const before = notes.length;
    const { 'x-csrf-token': token, ...cookieOnly } = buyer;
    for (const headers of [cookieOnly, { ...cookieOnly, 'x-csrf-token': `${token}x` }]) {
      const res = await w.app.inject({
        method: 'POST',
        url: '/test/notes',
        headers,
        payload: { text: 'forged' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth.csrf_failed', status: 403 });
    }
    // Another session's token is just as wrong.
    const other = await w.as('seller');
    const crossed = await w.app.inject({
      method: 'POST',
      url: '/test/notes',
      headers: { ...cookieOnly, 'x-csrf-token': other['x-csrf-token'] ?? '' },
      payload: { text: 'crossed' },
    });
    expect(crossed.statusCode).toBe(403);
    expect(notes.length).toBe(before);

    const ok = await w.app.inject({
      method: 'POST',
      url: '/test/notes',
      headers: buyer,
      payload: { text: 'mine' },
    });
    expect(ok.statusCode).toBe(200);
    expect(notes.at(-1)).toBe('mine');
    // Reads need no token.
    expect(
      (await w.app.inject({ method: 'GET', url: '/test/whoami', headers: cookieOnly })).statusCode,
    ).toBe(200);
  });

  it('answers 401 for nobody and 403 for the wrong role', async () => {
    const anonymous = await w.app.inject({ method: 'POST', url: '/test/notes', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required' });
    const arbitrator = await w.app.inject({
      method: 'POST',
      url: '/test/notes',
      headers: await w.as('arbitrator'),
      payload: {},
    });
    expect(arbitrator.statusCode).toBe(403);
    expect(arbitrator.json()).toMatchObject({ code: 'auth.forbidden' });
    const buyerAsAdmin = await w.app.inject({
      method: 'PUT',
      url: '/test/policy',
      headers: await w.as('buyer'),
      payload: {},
    });
    expect(buyerAsAdmin.statusCode).toBe(403);
    const admin = await w.app.inject({
      method: 'PUT',
      url: '/test/policy',
      headers: await w.as('admin'),
      payload: {},
    });
    expect(admin.statusCode).toBe(200);
  });

  it('accepts API keys without CSRF, by scope', async () => {
    const integration = await w.as('integration');
    expect(await whoami(integration)).toMatchObject({
      kind: 'api_key',
      scopes: ['integration'],
      actor: { role: 'integration' },
    });
    const feed = await w.app.inject({
      method: 'POST',
      url: '/test/feed',
      headers: integration,
      payload: {},
    });
    expect(feed.statusCode).toBe(200);
    const notAdmin = await w.app.inject({
      method: 'PUT',
      url: '/test/policy',
      headers: integration,
      payload: {},
    });
    expect(notAdmin.statusCode).toBe(403);
    const adminKey = await w.apiKey(['admin']);
    expect((await whoami(adminKey)).actor.role).toBe('admin');
    const policy = await w.app.inject({
      method: 'PUT',
      url: '/test/policy',
      headers: adminKey,
      payload: {},
    });
    expect(policy.statusCode).toBe(200);
  });

  it('lets a key win over a cookie sent alongside it', async () => {
    const both = { ...(await w.as('buyer')), ...(await w.as('integration')) };
    expect((await whoami(both)).kind).toBe('api_key');
  });

  it('answers 401 auth.invalid_key for revoked, unknown and malformed keys', async () => {
    const key = await w.apiKey(['integration']);
    const keyId = key.authorization.split('_')[1] ?? '';
    expect(await w.auth.revokeApiKey(keyId)).toBe(true);
    const secret = key.authorization.slice(`Bearer sk_${keyId}_`.length);
    for (const authorization of [
      key.authorization,
      `Bearer sk_${'f'.repeat(16)}_${secret}`,
      `Bearer sk_${keyId}`,
      'Bearer not-a-key',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      `Bearer ${'x'.repeat(8_000)}`,
    ]) {
      const res = await w.app.inject({
        method: 'GET',
        url: '/test/whoami',
        headers: { authorization },
      });
      expect(res.statusCode, authorization.slice(0, 40)).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toMatchObject({ code: 'auth.invalid_key' });
    }
  });
});

// Unknown API keys were answered 401 forever, each with a database lookup: an address that keeps
// failing must be slowed down, while other addresses carry on.
describeEachDatabase('failed authentications per address', (getStore) => {
  const FAILURES_MAX = 3;
  let w: ApiWorld;
  beforeAll(async () => {
    w = await apiWorld(getStore, { config: { authFailuresPerMinute: FAILURES_MAX } });
  });
  afterAll(async () => {
    await w.close();
  });

  const read = (headers: Record<string, string>, remoteAddress: string) =>
    w.app.inject({ method: 'GET', url: '/v1/disputes', headers, remoteAddress });

  it('unknown API keys are rate limited per address: 429 with Retry-After before any lookup', async () => {
    // Well-formed, so each one reaches the key table: exactly what a guesser sends.
    const unknown = { authorization: `Bearer sk_${'0'.repeat(16)}_${'A'.repeat(43)}` };
    for (let i = 0; i < FAILURES_MAX; i += 1) {
      expect((await read(unknown, '203.0.113.7')).statusCode).toBe(401);
    }
    const limited = await read(unknown, '203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'auth.too_many_failures', status: 429 });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Until the window ends the address is answered without a lookup, whatever it presents.
    const valid = await w.as('buyer');
    expect((await read(valid, '203.0.113.7')).statusCode).toBe(429);
    // Another address is not affected.
    expect((await read(valid, '198.51.100.9')).statusCode).toBe(200);
    expect((await read(unknown, '198.51.100.9')).statusCode).toBe(401);
  });

  it('forged session cookies count as failures too', async () => {
    const forged = { cookie: 'settle_session=forged-token' };
    for (let i = 0; i < FAILURES_MAX; i += 1) {
      expect((await read(forged, '203.0.113.8')).statusCode).not.toBe(429);
    }
    expect((await read(forged, '203.0.113.8')).statusCode).toBe(429);
    // Without credentials nothing is looked up, so this limit does not apply.
    expect((await read({}, '203.0.113.8')).statusCode).toBe(401);
  });
});
