// Goal: accounts, sessions and API keys behave on both databases: passwords only as argon2id,
// emails unique whatever their case, sessions ending on idle, age and sign-out by the injected
// clock, and API keys that the database alone cannot reconstruct.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../domain/index.ts';
import { DatabaseClock, VirtualClock } from '../clock.ts';
import { seedDemo } from '../demo.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoUsers } from '../demo-users.ts';
import { FsBlobStore } from '../evidence/fs-blob-store.ts';
import { upsertSeller } from '../marketplace.ts';
import { runtimeFor } from '../runtime.ts';
import { actorForApiKey, actorForUser } from './actors.ts';
import { AuthService } from './auth-service.ts';
import { AuthInputError } from './errors.ts';
import { createSession, revokeUserSessions, SESSION_IDLE_MS } from './sessions.ts';
import { authenticate } from './users.ts';

const T0 = Date.UTC(2026, 0, 5, 8, 0);
const PASSWORD = 'a perfectly long password';

describeEachDatabase('auth service', (getStore) => {
  const world = () => {
    const clock = new VirtualClock(T0);
    return { clock, auth: new AuthService(getStore(), clock), tag: randomUUID().slice(0, 8) };
  };

  describe('users', () => {
    it('stores only an argon2id hash and signs in by email in any case', async () => {
      const { auth, tag } = world();
      const user = await auth.createUser({
        email: `Ana.${tag}@Example.test`,
        name: ' Ana ',
        role: 'admin',
        password: PASSWORD,
      });
      expect(user).toMatchObject({ name: 'Ana', role: 'admin' });
      const row = await getStore()
        .db.selectFrom('users')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
      const db = getStore().db;
      expect(await authenticate(db, `ana.${tag}@example.TEST`, PASSWORD)).toEqual(user);
      expect(await authenticate(db, `ana.${tag}@example.test`, `${PASSWORD}!`)).toBeUndefined();
      expect(await authenticate(db, `nobody.${tag}@example.test`, PASSWORD)).toBeUndefined();
    });

    it('refuses bad accounts with a sentence, not a constraint error', async () => {
      const { auth, tag } = world();
      const sellerId = `shop-${tag}`;
      await upsertSeller(getStore().db, { id: sellerId, name: 'Shop', country: 'CN' });
      const ok = { email: `x.${tag}@example.test`, name: 'X', password: PASSWORD } as const;
      await auth.createUser({ ...ok, role: 'arbitrator' });
      const cases: [Parameters<AuthService['createUser']>[0], RegExp][] = [
        [{ ...ok, email: `X.${tag}@EXAMPLE.test`, role: 'admin' }, /already exists/],
        [{ ...ok, email: 'not-an-email', role: 'admin' }, /not an email/],
        [{ ...ok, email: `y.${tag}@example.test`, role: 'seller' }, /needs --seller/],
        [{ ...ok, email: `y.${tag}@example.test`, role: 'admin', sellerId }, /only a seller/],
        [{ ...ok, email: `y.${tag}@example.test`, role: 'seller', sellerId: 'nope' }, /no seller/],
        [
          { ...ok, email: `y.${tag}@example.test`, role: 'admin', password: 'short' },
          /at least 12/,
        ],
        [{ ...ok, email: `y.${tag}@example.test`, role: 'root' as 'admin' }, /role must be/],
        [{ ...ok, email: `y.${tag}@example.test`, role: 'admin', name: '  ' }, /name/],
        [{ ...ok, email: `y.${tag}@example.test`, role: 'admin', id: 'bad id' }, /valid id/],
      ];
      for (const [input, message] of cases) {
        const error = await auth.createUser(input).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, JSON.stringify(input)).toBeInstanceOf(AuthInputError);
        expect((error as Error).message).toMatch(message);
      }
      const staff = await auth.createUser({
        ...ok,
        email: `staff.${tag}@example.test`,
        role: 'seller',
        sellerId,
      });
      expect(actorForUser(staff)).toEqual({ role: 'seller', id: sellerId, userId: staff.id });
    });
  });

  describe('sessions', () => {
    const signedIn = async () => {
      const w = world();
      const user = await w.auth.createUser({
        email: `s.${w.tag}@example.test`,
        name: 'S',
        role: 'buyer',
        password: PASSWORD,
      });
      const s = await w.auth.signIn(user.email, PASSWORD);
      if (s === undefined) throw new Error('sign-in failed');
      return { ...w, ...s };
    };

    it('keeps only the hash of the token', async () => {
      const { token, session } = await signedIn();
      const rows = await getStore().db.selectFrom('sessions').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows.map((r) => r.id)).toContain(session.id);
    });

    it('ends after 12 idle hours, and activity moves that end', async () => {
      const { auth, clock, token } = await signedIn();
      clock.advance(SESSION_IDLE_MS - MINUTE_MS);
      expect(await auth.session(token)).toBeDefined(); // activity: idle counts from here
      clock.advance(SESSION_IDLE_MS - MINUTE_MS);
      expect(await auth.session(token)).toBeDefined();
      clock.advance(SESSION_IDLE_MS);
      expect(await auth.session(token)).toBeUndefined();
    });

    it('ends 7 days after sign-in however active', async () => {
      const { auth, clock, token } = await signedIn();
      for (let h = 0; h < 7 * 24 - 6; h += 6) {
        clock.advance(6 * HOUR_MS);
        expect(await auth.session(token), `after ${h + 6} h`).toBeDefined();
      }
      clock.advance(6 * HOUR_MS);
      expect(clock.current()).toBeGreaterThanOrEqual(T0 + 7 * DAY_MS);
      expect(await auth.session(token)).toBeUndefined();
    });

    it('ends on sign-out, and all of a user at once', async () => {
      const a = await signedIn();
      await a.auth.signOut(a.session.id);
      expect(await a.auth.session(a.token)).toBeUndefined();
      const second = await a.auth.startSession(a.user);
      const third = await a.auth.startSession(a.user);
      expect(await revokeUserSessions(getStore().db, a.user.id, T0)).toBe(2);
      expect(await a.auth.session(second.token)).toBeUndefined();
      expect(await a.auth.session(third.token)).toBeUndefined();
      expect(await a.auth.session('forged')).toBeUndefined();
      expect(await a.auth.session('x'.repeat(10_000))).toBeUndefined();
    });
  });

  it('with the database clock, checks sessions and keys against the time read in their own select', async () => {
    // A session made 13 hours before the database's now is idle by then; one made a minute ago
    // is live and its last-seen moves to the database's now. The API key the same.
    const store = getStore();
    const auth = new AuthService(store, new DatabaseClock(store));
    const dbNow = await new DatabaseClock(store).now();
    const tag = randomUUID().slice(0, 8);
    const user = await auth.createUser({
      email: `clock.${tag}@example.test`,
      name: 'Clock',
      role: 'buyer',
      password: PASSWORD,
    });
    const stale = await createSession(store.db, user.id, dbNow - 13 * HOUR_MS);
    const live = await createSession(store.db, user.id, dbNow - 2 * MINUTE_MS);
    expect(await auth.session(stale.token)).toBeUndefined();
    expect(await auth.session(live.token)).toMatchObject({ user: { id: user.id } });
    const seen = await store.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id', '=', live.session.id)
      .executeTakeFirstOrThrow();
    expect(seen.last_seen_at.getTime()).toBeGreaterThanOrEqual(dbNow);
    const { key } = await auth.createApiKey({ name: 'clock', scopes: ['integration'] });
    const used = await auth.apiKey(key);
    expect(used?.lastUsedAt).toBeGreaterThanOrEqual(dbNow);
    expect(await auth.apiKey(`${key}x`)).toBeUndefined();
  });

  describe('API keys', () => {
    it('are shown once and stored hashed; revoked or altered keys fail', async () => {
      const { auth, clock } = world();
      const { key, record } = await auth.createApiKey({ name: 'backend', scopes: ['integration'] });
      expect(key).toMatch(/^sk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      const secret = key.slice(`sk_${record.id}_`.length);
      const rows = await getStore().db.selectFrom('api_keys').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(secret);
      clock.advance(5 * MINUTE_MS);
      const found = await auth.apiKey(key);
      expect(found).toMatchObject({
        id: record.id,
        scopes: ['integration'],
        lastUsedAt: T0 + 5 * MINUTE_MS,
      });
      expect(actorForApiKey(record)).toEqual({ role: 'integration', id: record.id });
      const flipped = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
      expect(await auth.apiKey(flipped)).toBeUndefined();
      expect(await auth.revokeApiKey(record.id)).toBe(true);
      expect(await auth.revokeApiKey(record.id)).toBe(false);
      expect(await auth.apiKey(key)).toBeUndefined();
    });

    it('admin scope acts as an admin; scopes are checked', async () => {
      const { auth } = world();
      const { record } = await auth.createApiKey({ name: 'ops', scopes: ['admin', 'admin'] });
      expect(record.scopes).toEqual(['admin']);
      expect(actorForApiKey(record)).toEqual({ role: 'admin', id: record.id });
      await expect(auth.createApiKey({ name: 'x', scopes: ['root'] })).rejects.toThrow(
        /unknown scope root/,
      );
      await expect(auth.createApiKey({ name: 'x', scopes: [] })).rejects.toThrow(AuthInputError);
      await expect(auth.createApiKey({ name: ' ', scopes: ['admin'] })).rejects.toThrow(/name/);
    });
  });

  it('seeds the demo accounts once, each able to sign in', async () => {
    const rt = runtimeFor(getStore(), new VirtualClock(T0), pino({ level: 'silent' }));
    const blobDir = mkdtempSync(join(tmpdir(), 'settle-demo-blobs-'));
    try {
      await seedDemo(rt, new FsBlobStore(blobDir));
    } finally {
      rmSync(blobDir, { recursive: true, force: true });
    }
    expect(await seedDemoUsers(rt)).toBe(3 + DEMO_ACCOUNTS.length);
    expect(await seedDemoUsers(rt)).toBe(0);
    const emails = [
      'demo-buyer-us@example.com',
      'demo-buyer-it@example.com',
      'demo-buyer-de@example.com',
      'seller@demo-shop-cn.example',
      'seller@demo-shop-it.example',
      'seller@demo-shop-protected.example',
      'arbitrator@settle.example',
      'arbitrator2@settle.example',
      'admin@settle.example',
    ];
    for (const email of emails)
      expect(await authenticate(getStore().db, email, DEMO_PASSWORD), email).toBeDefined();
    const cn = await authenticate(getStore().db, 'seller@demo-shop-cn.example', DEMO_PASSWORD);
    expect(cn).toMatchObject({ role: 'seller', sellerId: 'demo-shop-cn' });
  });
});
