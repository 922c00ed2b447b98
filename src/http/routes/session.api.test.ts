// Goal: people sign in with email and password and get an HttpOnly, SameSite session cookie;
// wrong email and wrong password look the same; sessions end on sign-out and by real time, never
// by the virtual dispute clock; repeated guessing meets a 429; no body, however broken, a 5xx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, login, WORLD_PASSWORD } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { HOUR_MS } from '../../domain/index.ts';
import { VirtualClock } from '../../service/clock.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { LOGIN_ATTEMPTS_MAX } from './session.ts';

describeEachDatabase('session API', (getStore) => {
  let w: ApiWorld;
  beforeAll(async () => {
    w = await apiWorld(getStore);
  });
  afterAll(async () => {
    await w.close();
  });

  it('signs in: the user, a CSRF token and an HttpOnly SameSite=Lax cookie', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: w.users.seller.email.toUpperCase(), password: WORLD_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      user: {
        id: w.users.seller.user.id,
        email: w.users.seller.email,
        name: w.users.seller.user.name,
        role: 'seller',
        sellerId: w.sellerId,
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 604_800 });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await w.app.inject({
      method: 'GET',
      url: '/v1/session',
      cookies: { [SESSION_COOKIE]: cookie?.value ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('answers an unknown email and a wrong password with the same 401', async () => {
    const wrong = await w.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: w.users.buyer.email, password: 'not the password' },
    });
    const unknown = await w.app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { email: 'nobody@nowhere.test', password: WORLD_PASSWORD },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'auth.invalid_credentials', status: 401 });
  });

  it('answers GET /v1/session with 401 when nobody is signed in, and clears a dead cookie', async () => {
    const anonymous = await w.app.inject({ method: 'GET', url: '/v1/session' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required' });
    const forged = await w.app.inject({
      method: 'GET',
      url: '/v1/session',
      cookies: { [SESSION_COOKIE]: 'forged-token' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    for (const scopes of [['integration'], ['admin']] as const) {
      const key = await w.app.inject({
        method: 'GET',
        url: '/v1/session',
        headers: await w.apiKey(scopes),
      });
      expect(key.statusCode, scopes[0]).toBe(403);
      expect(key.json()).toMatchObject({ code: 'auth.forbidden' });
    }
  });

  it('signs out with the CSRF token only: without it the session lives on', async () => {
    const { headers } = await w.login({ email: w.users.buyer.email, password: WORLD_PASSWORD });
    const { 'x-csrf-token': _, ...cookieOnly } = headers;
    const refused = await w.app.inject({
      method: 'DELETE',
      url: '/v1/session',
      headers: cookieOnly,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'auth.csrf_failed' });
    const wrong = await w.app.inject({
      method: 'DELETE',
      url: '/v1/session',
      headers: { ...headers, 'x-csrf-token': 'guess' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await w.app.inject({ method: 'GET', url: '/v1/session', headers })).statusCode).toBe(
      200,
    );

    const out = await w.app.inject({ method: 'DELETE', url: '/v1/session', headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    const after = await w.app.inject({ method: 'GET', url: '/v1/session', headers });
    expect(after.statusCode).toBe(401);
    // Signing out again (the cookie is dead now) is harmless.
    expect((await w.app.inject({ method: 'DELETE', url: '/v1/session', headers })).statusCode).toBe(
      204,
    );
  });

  it('ends the old session when the same browser signs in again', async () => {
    const first = await w.login({ email: w.users.admin.email, password: WORLD_PASSWORD });
    const again = await w.app.inject({
      method: 'POST',
      url: '/v1/session',
      headers: { cookie: first.headers.cookie },
      payload: { email: w.users.admin.email, password: WORLD_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    const old = await w.app.inject({ method: 'GET', url: '/v1/session', headers: first.headers });
    expect(old.statusCode).toBe(401);
  });

  it(`limits sign-in to ${LOGIN_ATTEMPTS_MAX} attempts per email and address a minute`, async () => {
    const target = await w.createUser('buyer');
    const attempt = (email: string, password = 'wrong password!') =>
      w.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password } });
    for (let i = 0; i < LOGIN_ATTEMPTS_MAX; i++)
      expect((await attempt(target.email)).statusCode).toBe(401);
    const limited = await attempt(target.email, target.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.json()).toMatchObject({ code: 'auth.too_many_attempts', status: 429 });
    // The same email in another case is the same account, so the same budget.
    expect((await attempt(target.email.toUpperCase(), target.password)).statusCode).toBe(429);
    // Other accounts from the same address are not locked out.
    const other = await w.createUser('buyer');
    expect((await attempt(other.email, other.password)).statusCode).toBe(200);
  });

  it('never answers garbage with a 5xx', async () => {
    const cases = [
      {
        payload: '{"email": "a@b.c", "password": ',
        headers: { 'content-type': 'application/json' },
      },
      { payload: '', headers: { 'content-type': 'application/json' } },
      { payload: 'null', headers: { 'content-type': 'application/json' } },
      { payload: '[]', headers: { 'content-type': 'application/json' } },
      { payload: { email: { $ne: null }, password: 'x' } },
      { payload: { email: 'a@b.c', password: ['x', 'y'] } },
      { payload: { email: 'a@b.c', password: WORLD_PASSWORD, role: 'admin' } },
      { payload: { email: 'a@b.c' } },
      { payload: { email: 'a'.repeat(10_000), password: 'x' } },
      { payload: { email: 'a@b.c', password: 'x'.repeat(100_000) } },
      { payload: { email: 'a@b.c', password: 'x'.repeat(2_000_000) } },
      {
        payload: 'email=a@b.c&password=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      { payload: 'email=a@b.c', headers: { 'content-type': 'text/plain' } },
      { payload: { email: '\u0000', password: '\u0000\ud800' } },
    ];
    for (const c of cases) {
      const res = await w.app.inject({ method: 'POST', url: '/v1/session', ...c });
      const label = JSON.stringify(c).slice(0, 120);
      expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, label).toBeLessThan(500);
      expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
    }
    for (const headers of [
      { cookie: `${SESSION_COOKIE}=${'%'.repeat(5_000)}` },
      { cookie: `${SESSION_COOKIE}=a; ${SESSION_COOKIE}=b` },
      { cookie: '=;;==' },
      { authorization: 'Bearer' },
      { authorization: `Bearer sk_${'0'.repeat(16)}_${'A'.repeat(43)}` },
    ]) {
      const res = await w.app.inject({ method: 'GET', url: '/v1/session', headers });
      expect(res.statusCode, JSON.stringify(headers).slice(0, 80)).toBe(401);
    }
  });
});

describeEachDatabase('session API over time', (getStore) => {
  it('ends a session after 12 idle hours of real time', async () => {
    const realClock = new VirtualClock(Date.now());
    const w = await apiWorld(getStore, { realClock });
    try {
      const { headers } = await login(w.app, {
        email: w.users.buyer.email,
        password: WORLD_PASSWORD,
      });
      realClock.advance(11 * HOUR_MS);
      expect((await w.app.inject({ method: 'GET', url: '/v1/session', headers })).statusCode).toBe(
        200,
      );
      realClock.advance(11 * HOUR_MS);
      expect((await w.app.inject({ method: 'GET', url: '/v1/session', headers })).statusCode).toBe(
        200,
      );
      realClock.advance(12 * HOUR_MS);
      const expired = await w.app.inject({ method: 'GET', url: '/v1/session', headers });
      expect(expired.statusCode).toBe(401);
      expect(expired.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
      // A fresh `as()` session is valid at the new time.
      const fresh = await w.as('buyer');
      expect(
        (await w.app.inject({ method: 'GET', url: '/v1/session', headers: fresh })).statusCode,
      ).toBe(200);
    } finally {
      await w.close();
    }
  });

  it('keeps sessions when the virtual dispute clock moves 30 days ahead', async () => {
    const w = await apiWorld(getStore);
    try {
      const admin = await w.as('admin');
      const buyer = await login(w.app, { email: w.users.buyer.email, password: WORLD_PASSWORD });
      const moved = await w.app.inject({
        method: 'POST',
        url: '/v1/clock/advance',
        headers: admin,
        payload: { days: 30 },
      });
      expect(moved.statusCode, moved.body).toBe(200);
      for (const headers of [admin, buyer.headers]) {
        const res = await w.app.inject({ method: 'GET', url: '/v1/session', headers });
        expect(res.statusCode, res.body).toBe(200);
      }
      // And a signed-in write (CSRF and all) still goes through after the jump.
      const again = await w.app.inject({
        method: 'POST',
        url: '/v1/clock/advance',
        headers: admin,
        payload: { days: 1 },
      });
      expect(again.statusCode, again.body).toBe(200);
    } finally {
      await w.close();
    }
  });

  it('marks the cookie Secure when SETTLE_COOKIE_SECURE is on', async () => {
    const w = await apiWorld(getStore, { config: { cookieSecure: true } });
    try {
      const { setCookie } = await w.login({ email: w.users.buyer.email, password: WORLD_PASSWORD });
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
    } finally {
      await w.close();
    }
  });
});
