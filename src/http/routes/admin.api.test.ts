// Admins manage accounts and API keys over HTTP while the server runs (no CLI, no restart):
// users and seller staff are created with a password generated and shown once, listed, disabled
// (no sign-in, sessions end) and re-enabled, their passwords reset; API keys are created with
// scopes and an optional expiry, listed without secrets, and revoked at once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, login, WORLD_PASSWORD } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { http } from '../../../test/support/http-client.ts';
import { HOUR_MS } from '../../domain/index.ts';
import { VirtualClock } from '../../service/clock.ts';

const unique = (p: string) => `${p}-${randomUUID().slice(0, 8)}`;

describeEachDatabase('admin routes', (getStore) => {
  let w: ApiWorld;
  const realClock = new VirtualClock(Date.now());
  beforeAll(async () => {
    w = await apiWorld(getStore, { realClock });
  });
  afterAll(async () => {
    await w.close();
  });

  const signIn = async (email: string, password: string) =>
    w.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password } });
  const sessionOk = async (headers: Record<string, string>) =>
    (await w.app.inject({ method: 'GET', url: '/v1/session', headers })).statusCode;

  describe('users', () => {
    it('creates a user whose generated password is shown once and signs in', async () => {
      const h = http(w);
      const email = `${unique('arb')}@settle.test`;
      const created = await h.post(
        'admin',
        '/v1/admin/users',
        { email, name: 'New Arbitrator', role: 'arbitrator' },
        201,
      );
      expect(created.body.user).toMatchObject({ email, role: 'arbitrator', canSignIn: true });
      expect(created.body.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect((await signIn(email, created.body.password)).statusCode).toBe(200);

      const listed = await h.get('admin', '/v1/admin/users?role=arbitrator&limit=500');
      expect(listed.body.items.map((u: { email: string }) => u.email)).toContain(email);
      expect(JSON.stringify(listed.body)).not.toMatch(/password|argon2/);

      const again = await h.post(
        'admin',
        '/v1/admin/users',
        { email: email.toUpperCase(), name: 'Twin', role: 'arbitrator' },
        409,
      );
      expect(again.body.code).toBe('account.exists');
    });

    it('refuses bad accounts with a readable 4xx and creates nothing', async () => {
      const h = http(w);
      const email = `${unique('bad')}@settle.test`;
      const noStore = await h.post(
        'admin',
        '/v1/admin/users',
        { email, name: 'Staff', role: 'seller' },
        422,
      );
      expect(noStore.body.detail).toMatch(/seller account needs/);
      const shortPassword = await h.post(
        'admin',
        '/v1/admin/users',
        { email, name: 'X', role: 'admin', password: 'short' },
        422,
      );
      expect(shortPassword.body.detail).toMatch(/at least 12 characters/);
      await h.post('admin', '/v1/admin/users', { email, name: 'X', role: 'root' }, 400);
      expect((await signIn(email, 'whatever-password')).statusCode).toBe(401);
    });

    it('adds staff to a store, who then act for the store; unknown stores are refused', async () => {
      const h = http(w);
      const email = `${unique('staff')}@store.test`;
      const created = await h.post(
        'admin',
        `/v1/admin/sellers/${w.sellerId}/staff`,
        { email, name: 'Night shift', password: 'a long enough password' },
        201,
      );
      expect(created.body.user).toMatchObject({ role: 'seller', sellerId: w.sellerId });
      expect(created.body.password).toBeUndefined();
      const staff = await h.get('admin', `/v1/admin/sellers/${w.sellerId}/staff`);
      expect(staff.body.items.map((u: { email: string }) => u.email)).toContain(email);
      const session = await login(w.app, { email, password: 'a long enough password' });
      expect(session.user).toMatchObject({ role: 'seller', sellerId: w.sellerId });
      const unknown = await h.post(
        'admin',
        '/v1/admin/sellers/no-such-store/staff',
        { email: `${unique('s')}@store.test`, name: 'S' },
        422,
      );
      expect(unknown.body.detail).toMatch(/no seller/);
    });

    it('disables a user: sign-in refused and the live session ends; enabling lets them sign in again', async () => {
      const h = http(w);
      const made = await w.createUser('buyer');
      const session = await login(w.app, { email: made.email, password: WORLD_PASSWORD });
      expect(await sessionOk(session.headers)).toBe(200);

      const disabled = await h.post('admin', `/v1/admin/users/${made.user.id}/disable`);
      expect(disabled.body).toMatchObject({ id: made.user.id, canSignIn: false });
      expect(disabled.body.disabledAt).toBeDefined();
      expect(await sessionOk(session.headers)).toBe(401);
      expect(await sessionOk(made.headers)).toBe(401);
      expect((await signIn(made.email, WORLD_PASSWORD)).statusCode).toBe(401);

      const enabled = await h.post('admin', `/v1/admin/users/${made.user.id}/enable`);
      expect(enabled.body).toMatchObject({ canSignIn: true });
      expect(await sessionOk(session.headers)).toBe(401);
      expect((await signIn(made.email, WORLD_PASSWORD)).statusCode).toBe(200);
    });

    it('will not let an admin disable their own account', async () => {
      const h = http(w);
      const own = await h.post(
        'admin',
        `/v1/admin/users/${w.users.admin.user.id}/disable`,
        {},
        409,
      );
      expect(own.body.code).toBe('account.own_account');
    });

    it('resets a password: generated and shown once, or set; old password and sessions end', async () => {
      const h = http(w);
      const made = await w.createUser('arbitrator');
      const reset = await h.post('admin', `/v1/admin/users/${made.user.id}/password`, {});
      expect(reset.body).toMatchObject({ userId: made.user.id, sessionsEnded: true });
      expect(await sessionOk(made.headers)).toBe(401);
      expect((await signIn(made.email, WORLD_PASSWORD)).statusCode).toBe(401);
      expect((await signIn(made.email, reset.body.password)).statusCode).toBe(200);

      const set = await h.post('admin', `/v1/admin/users/${made.user.id}/password`, {
        password: 'chosen by the admin',
      });
      expect(set.body.password).toBeUndefined();
      expect((await signIn(made.email, 'chosen by the admin')).statusCode).toBe(200);
      await h.post('admin', `/v1/admin/users/${made.user.id}/password`, { password: 'short' }, 422);
      await h.post('admin', '/v1/admin/users/user-none/password', {}, 404);
    });
  });

  describe('API keys', () => {
    const feedSeller = (authorization: string) =>
      w.app.inject({
        method: 'PUT',
        url: `/v1/sellers/${unique('store')}`,
        headers: { authorization },
        payload: { name: 'Store', country: 'CN' },
      });

    it('creates a key shown once, lists keys without secrets, and revokes one at once', async () => {
      const h = http(w);
      const created = await h.post(
        'admin',
        '/v1/admin/api-keys',
        { name: 'marketplace backend', scopes: ['integration'] },
        201,
      );
      expect(created.body.key).toMatch(/^sk_[0-9a-f]{16}_/);
      expect(created.body.expiresAt).toBeUndefined();
      const bearer = `Bearer ${created.body.key}`;
      expect((await feedSeller(bearer)).statusCode).toBe(200);

      const listed = await h.get('admin', '/v1/admin/api-keys');
      const row = listed.body.items.find((k: { id: string }) => k.id === created.body.id);
      expect(row).toMatchObject({ name: 'marketplace backend', scopes: ['integration'] });
      expect(row.lastUsedAt).toBeDefined();
      const secret = created.body.key.split('_').slice(2).join('_');
      expect(listed.text).not.toContain(secret);
      expect(listed.text).not.toMatch(/"key"|secret/);

      const revoked = await h.raw('DELETE', 'admin', `/v1/admin/api-keys/${created.body.id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toBeDefined();
      expect((await feedSeller(bearer)).statusCode).toBe(401);
      const twice = await h.raw('DELETE', 'admin', `/v1/admin/api-keys/${created.body.id}`);
      expect(twice.status).toBe(404);
    });

    it('lets a key expire on its own, on real time', async () => {
      const h = http(w);
      const expiresAt = new Date(Number(await w.runtime.realClock.now()) + HOUR_MS).toISOString();
      const created = await h.post(
        'admin',
        '/v1/admin/api-keys',
        { name: 'one-hour key', scopes: ['integration'], expiresAt },
        201,
      );
      expect(created.body.expiresAt).toBe(expiresAt);
      const bearer = `Bearer ${created.body.key}`;
      expect((await feedSeller(bearer)).statusCode).toBe(200);
      realClock.advance(2 * HOUR_MS);
      expect((await feedSeller(bearer)).statusCode).toBe(401);
      const listed = await h.get('admin', '/v1/admin/api-keys');
      expect(listed.body.items.find((k: { id: string }) => k.id === created.body.id)).toMatchObject(
        { expiresAt },
      );
    });

    it('refuses an expiry in the past and unknown scopes', async () => {
      const h = http(w);
      const past = new Date(Number(await w.runtime.realClock.now()) - HOUR_MS).toISOString();
      const refused = await h.post(
        'admin',
        '/v1/admin/api-keys',
        { name: 'late', scopes: ['integration'], expiresAt: past },
        422,
      );
      expect(refused.body.detail).toMatch(/expiry must be in the future/);
      await h.post('admin', '/v1/admin/api-keys', { name: 'x', scopes: ['root'] }, 400);
      await h.post('admin', '/v1/admin/api-keys', { name: 'x', scopes: [] }, 400);
    });
  });
});
