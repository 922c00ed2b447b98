// The admin console's API (issue 12): a market's policy with every value and its default, the
// preview of a new version's difference (nothing saved), which disputes run on which version
// (a new dispute on the new version, an old one keeps its own), the books' two checks over HTTP,
// the platform's daily balances, a role change, and the clock's reading; bad input is a 4xx, non-admins a 403.

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { feedOrder, http } from '../../../test/support/http-client.ts';
import { DAY_MS, DEFAULT_POLICY } from '../../domain/index.ts';
import { openSigner } from '../../service/audit/audit-keys.ts';

const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;

describeEachDatabase('admin console API', (getStore) => {
  let w: ApiWorld;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'settle-admin-'));
    const keyFile = join(dir, 'audit-key.pem');
    w = await apiWorld(getStore, {
      sellerCountry: 'IT',
      signer: openSigner(keyFile),
      config: { auditKeyFile: keyFile, auditPublicKeys: join(dir, 'trusted') },
    });
  });
  afterAll(async () => {
    await w.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = async () => {
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '1500' });
    const opened = await http(w).post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: unique('dsp'),
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: '1500', currency: 'USD' } },
        description: 'cracked',
      },
      201,
    );
    return opened.body as { id: string; policyVersions: string[] };
  };

  it('previews a version, and new disputes run on it while old ones keep theirs', async () => {
    const h = http(w);
    const before = await h.get('admin', '/v1/policies/markets/seller:IT');
    expect(before.body.current).toBeUndefined();
    expect(before.body.fields).toHaveLength(Object.keys(DEFAULT_POLICY).length);
    expect(before.body.fields).toContainEqual({
      field: 'protectionFeeMinor',
      value: '30',
      default: '30',
      setHere: false,
    });
    const old = await open();
    expect(old.policyVersions).toEqual([]);

    const proposed = { market: 'seller:IT', values: { negotiationMs: 8 * DAY_MS } };
    const preview = await h.post('admin', '/v1/policies/preview', proposed);
    expect(preview.body).toMatchObject({
      next: { id: 'seller:IT#1', version: 1 },
      changes: [{ field: 'negotiationMs', current: 5 * DAY_MS, proposed: 8 * DAY_MS }],
    });
    // A preview saves nothing.
    expect((await h.get('admin', '/v1/policies/markets/seller:IT')).body.current).toBeUndefined();

    await h.post('admin', '/v1/policies', proposed, 201);
    const fresh = await open();
    expect(fresh.policyVersions).toEqual(['seller:IT#1']);
    const after = await h.get('admin', '/v1/policies/markets/seller:IT');
    expect(after.body.current).toEqual({ id: 'seller:IT#1', version: 1 });
    expect(after.body.fields).toContainEqual({
      field: 'negotiationMs',
      value: 8 * DAY_MS,
      default: 5 * DAY_MS,
      setHere: true,
    });

    const usage = await h.get('admin', '/v1/policies/usage');
    expect(usage.body.items).toContainEqual({ versionId: 'seller:IT#1', disputes: 1 });
    expect(usage.body.items).toContainEqual({ versionId: 'default', disputes: 1 });
    const onIt = await h.get(
      'admin',
      `/v1/policies/versions/${encodeURIComponent('seller:IT#1')}/disputes`,
    );
    expect(onIt.body.items.map((d: { id: string }) => d.id)).toEqual([fresh.id]);
    const onDefault = await h.get('admin', '/v1/policies/versions/default/disputes');
    expect(onDefault.body.items.map((d: { id: string }) => d.id)).toEqual([old.id]);
  });

  it('refuses bad policy input with a 4xx and changes nothing', async () => {
    const h = http(w);
    const bad = await h.post(
      'admin',
      '/v1/policies/preview',
      { market: 'seller:IT', values: { negotiationMs: -1, nonsense: 1 } },
      422,
    );
    expect(bad.body.code).toBe('policy.invalid');
    await h.post('admin', '/v1/policies/preview', { market: 'Italy', values: {} }, 400);
    await h.get('admin', '/v1/policies/markets/IT', 400);
    await h.get('admin', '/v1/policies/versions/nope/disputes', 400);
    await h.post('seller', '/v1/policies/preview', { market: 'seller:IT', values: {} }, 403);
    await h.get('arbitrator', '/v1/policies/usage', 403);
  });

  it('runs both checks of the books and shows the platform’s daily balances', async () => {
    const h = http(w);
    const ledger = await h.post('admin', '/v1/admin/books/ledger-check');
    expect(ledger.body).toMatchObject({ ok: true, ledger: { ok: true }, ties: { ok: true } });
    expect(Number(ledger.body.ledger.transactions)).toBeGreaterThan(0);
    const audit = await h.post('admin', '/v1/admin/books/audit-verify');
    expect(audit.body).toMatchObject({ ok: true, chain: { ok: true }, checkpoints: { ok: true } });
    expect(audit.body.checkpoints.keys).toBe(1);
    await h.post('seller', '/v1/admin/books/ledger-check', {}, 403);
    await h.post('arbitrator', '/v1/admin/books/audit-verify', {}, 403);

    // The fee of a protected order is the only platform posting so far, or none: either way one
    // entry per day of the window, ending at the balance.
    const accounts = await h.get('admin', '/v1/admin/platform-accounts?days=3');
    for (const a of accounts.body.items) {
      expect(a.days).toHaveLength(3);
      expect(a.days.at(-1).balanceMinor).toBe(a.balanceMinor);
    }
    await h.get('admin', '/v1/admin/platform-accounts?days=0', 400);
    await h.get('admin', '/v1/admin/platform-accounts?days=9999', 400);
    await h.get('buyer', '/v1/admin/platform-accounts', 403);
  });

  it('changes a role: the sessions of the old role end; bad input changes nothing', async () => {
    const h = http(w);
    const user = await w.createUser('arbitrator');
    const url = `/v1/admin/users/${user.user.id}/role`;
    const session = async () =>
      (await w.app.inject({ method: 'GET', url: '/v1/session', headers: user.headers })).statusCode;
    expect(await session()).toBe(200);
    await h.post('admin', url, { role: 'seller' }, 422);
    await h.post('admin', url, { role: 'seller', sellerId: 'no-such-store' }, 422);
    await h.post('admin', url, { role: 'overlord' }, 400);
    await h.post('seller', url, { role: 'admin' }, 403);
    expect(await session()).toBe(200);
    const changed = await h.post('admin', url, { role: 'seller', sellerId: w.sellerId });
    expect(changed.body).toMatchObject({ role: 'seller', sellerId: w.sellerId });
    expect(await session()).toBe(401);
    await h.post('admin', '/v1/admin/users/user-none/role', { role: 'buyer' }, 404);
    const self = await h.post(
      'admin',
      `/v1/admin/users/${w.users.admin.user.id}/role`,
      { role: 'buyer' },
      409,
    );
    expect(self.body.code).toBe('account.own_account');
  });

  it('reads the clock for the console header', async () => {
    const h = http(w);
    const clock = await h.get('admin', '/v1/clock');
    expect(typeof clock.body.virtual).toBe('boolean');
    expect(Number.isNaN(Date.parse(clock.body.now))).toBe(false);
    await h.get('seller', '/v1/clock', 403);
  });
});
