// Goal (issue 10, item 5): the marketplace's key (integration + act_as) gets a one-time URL for a
// buyer (even one it fed without a password) or a store's staff member; opening it, with no other
// credential, starts the same session as POST /v1/session and redirects to `/` or a same-origin
// returnTo. The token is kept hashed, works once (two opens at once sign in once), expires after
// the configured minutes, and refused opens count as failed authentications.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, sessionHeaders } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { sha256Hex } from '../../service/auth/index.ts';
import { VirtualClock } from '../../service/clock.ts';
import { SESSION_COOKIE } from '../auth.ts';

const ORIGIN = 'https://disputes.example.test';
const TTL_SECONDS = 120;
const FAILURES_MAX = 5;
const fresh = (p: string) => `${p}-${randomUUID().slice(0, 8)}`;
let addresses = 0;
/** Each test opens links from its own address, so failure counts do not leak between tests. */
const address = () => `203.0.113.${++addresses}`;

describeEachDatabase('sign-in links', (getStore) => {
  let w: ApiWorld;
  let key: Record<string, string>;
  const realClock = new VirtualClock(Date.now());

  beforeAll(async () => {
    w = await apiWorld(getStore, {
      realClock,
      config: {
        publicUrl: ORIGIN,
        signInLinkTtlSeconds: TTL_SECONDS,
        authFailuresPerMinute: FAILURES_MAX,
      },
    });
    key = { ...(await w.apiKey(['integration', 'act_as'])) };
  });
  afterAll(async () => {
    await w?.close();
  });

  /** A buyer the marketplace fed: no password, so no way in but a link. */
  async function fedBuyer(): Promise<string> {
    const buyerId = fresh('fed');
    const res = await w.app.inject({
      method: 'PUT',
      url: `/v1/buyers/${buyerId}`,
      headers: key,
      payload: { email: `${buyerId}@b.test`, name: 'Fed' },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return buyerId;
  }

  async function makeLink(body: Record<string, unknown>, headers = key) {
    return w.app.inject({ method: 'POST', url: '/v1/sign-in-links', headers, payload: body });
  }

  async function linkPath(user: string, returnTo?: string): Promise<string> {
    const res = await makeLink({ user, ...(returnTo === undefined ? {} : { returnTo }) });
    expect(res.statusCode, res.body).toBe(201);
    const { url } = res.json() as { url: string };
    expect(url.startsWith(`${ORIGIN}/v1/sign-in-links/`)).toBe(true);
    return url.slice(ORIGIN.length);
  }

  const open = (path: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    w.app.inject({ method: 'GET', url: path, remoteAddress, headers });

  it('signs a password-less buyer in with the session cookie and CSRF of POST /v1/session, once', async () => {
    const buyerId = await fedBuyer();
    const made = await makeLink({ user: `buyer:${buyerId}` });
    expect(made.statusCode, made.body).toBe(201);
    const { url, expiresAt } = made.json() as { url: string; expiresAt: string };
    expect(url).toMatch(
      /^https:\/\/disputes\.example\.test\/v1\/sign-in-links\/[A-Za-z0-9_-]{43}$/,
    );
    expect(Date.parse(expiresAt)).toBe((await realClock.now()) + TTL_SECONDS * 1000);
    const token = url.slice(url.lastIndexOf('/') + 1);
    // Kept as its hash only.
    const rows = await w.store.db.selectFrom('sign_in_links').selectAll().execute();
    expect(rows.some((r) => JSON.stringify(r).includes(token))).toBe(false);
    expect(rows.map((r) => r.id)).toContain(sha256Hex(token));

    const from = address();
    const opened = await open(url.slice(ORIGIN.length), from);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe('/');
    const cookie = opened.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const who = await w.app.inject({
      method: 'GET',
      url: '/v1/session',
      headers: { cookie: `${SESSION_COOKIE}=${cookie?.value}` },
    });
    expect(who.statusCode).toBe(200);
    const session = who.json() as { user: { id: string; role: string }; csrfToken: string };
    expect(session.user).toMatchObject({ id: buyerId, role: 'buyer' });
    // A write needs the CSRF token, as after a password sign-in.
    const headers = sessionHeaders(cookie?.value ?? '', session.csrfToken);
    const noCsrf = await w.app.inject({
      method: 'DELETE',
      url: '/v1/session',
      headers: { cookie: headers.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);

    const again = await open(url.slice(ORIGIN.length), from);
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'sign_in_link.used' });
    expect(again.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const page = await open(url.slice(ORIGIN.length), from, { accept: 'text/html' });
    expect(page.statusCode).toBe(410);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('has been used already');
  });

  it('signs a store’s staff member in and lands on a same-origin returnTo', async () => {
    const path = await linkPath(
      `seller:${w.sellerId}:${w.users.seller.user.id}`,
      '/disputes/dsp-1?tab=offers#latest',
    );
    const opened = await open(path, address());
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe('/disputes/dsp-1?tab=offers#latest');
    const cookie = opened.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    const who = await w.app.inject({
      method: 'GET',
      url: '/v1/session',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    });
    expect(who.json()).toMatchObject({ user: { role: 'seller', sellerId: w.sellerId } });
  });

  it('signs in once when the same link is opened twice at once', async () => {
    const path = await linkPath(`buyer:${await fedBuyer()}`);
    const from = address();
    const results = await Promise.all([open(path, from), open(path, from), open(path, from)]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([303, 410, 410]);
    const sessions = results.flatMap((r) => r.cookies.filter((c) => c.name === SESSION_COOKIE));
    expect(sessions).toHaveLength(1);
  });

  it('refuses an expired link, and one whose person was disabled meanwhile', async () => {
    const expiring = await linkPath(`buyer:${await fedBuyer()}`);
    realClock.advance(TTL_SECONDS * 1000);
    const late = await open(expiring, address());
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'sign_in_link.expired' });

    const buyerId = await fedBuyer();
    const path = await linkPath(`buyer:${buyerId}`);
    const off = await w.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${buyerId}/disable`,
      headers: await w.as('admin'),
    });
    expect(off.statusCode).toBe(200);
    const refused = await open(path, address());
    expect(refused.statusCode).toBe(410);
    expect(refused.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('keeps no link in clear, even under an Idempotency-Key: a retry makes another link', async () => {
    const user = `buyer:${await fedBuyer()}`;
    const headers = { ...key, 'idempotency-key': fresh('idem') };
    const first = await makeLink({ user }, headers);
    const retry = await makeLink({ user }, headers);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    const urls = [first, retry].map((r) => (r.json() as { url: string }).url);
    expect(urls[0]).not.toBe(urls[1]);
    const kept = await w.store.db.selectFrom('idempotency_keys').selectAll().execute();
    for (const url of urls) {
      const token = url.slice(url.lastIndexOf('/') + 1);
      expect(kept.some((row) => JSON.stringify(row).includes(token))).toBe(false);
    }
  });

  it('refuses open redirects', async () => {
    const user = `buyer:${await fedBuyer()}`;
    for (const returnTo of [
      '//evil.test/x',
      'https://evil.test/',
      '/\\evil.test',
      '\\\\evil.test',
      'javascript:alert(1)',
      '/\t/evil.test',
      'evil.test',
      '/%2F/ok',
    ]) {
      const res = await makeLink({ user, returnTo });
      if (returnTo === '/%2F/ok') {
        // An encoded slash stays a path on this origin.
        expect(res.statusCode).toBe(201);
        continue;
      }
      expect(res.statusCode, returnTo).toBe(422);
      expect(res.json()).toMatchObject({ code: 'sign_in_link.return_to_invalid' });
    }
  });

  it('makes links only for the marketplace’s live buyers and staff, and only with act_as', async () => {
    const otherStaff = await w.createUser('seller');
    for (const user of [
      'buyer:nobody-here',
      `buyer:${w.users.arbitrator.user.id}`,
      `buyer:${w.users.admin.user.id}`,
      `seller:${w.sellerId}:${otherStaff.user.id}`,
    ]) {
      const res = await makeLink({ user });
      expect(res.statusCode, user).toBe(422);
      expect(res.json()).toMatchObject({ code: 'sign_in_link.user_unknown' });
    }
    const malformed = await makeLink({ user: 'admin:someone' });
    expect(malformed.json()).toMatchObject({ code: 'sign_in_link.user_malformed' });
    const plain = await makeLink({ user: `buyer:${w.buyerId}` }, await w.as('integration'));
    expect(plain.statusCode).toBe(403);
    const before = await w.store.db
      .selectFrom('sign_in_links')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const acting = await makeLink(
      { user: `buyer:${w.buyerId}` },
      { ...key, 'settle-act-as': `buyer:${w.buyerId}` },
    );
    expect(acting.statusCode).toBe(403);
    const after = await w.store.db
      .selectFrom('sign_in_links')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('rate limits failed opens like failed authentications', async () => {
    const from = address();
    for (let i = 0; i < FAILURES_MAX; i++) {
      const res = await open(`/v1/sign-in-links/${'A'.repeat(43)}`, from);
      expect(res.statusCode).toBe(404);
    }
    // Past the limit even a good link waits, and is not spent by the refusal.
    const path = await linkPath(`buyer:${await fedBuyer()}`);
    const limited = await open(path, from);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    const elsewhere = await open(path, address());
    expect(elsewhere.statusCode).toBe(303);
  });
});
