// Webhooks cannot be aimed at the server's own network (SSRF): every spelling of a loopback,
// private, link-local, unspecified or metadata address the issue tried is refused when
// subscribing, with a 422 that says why; the development setting lets loopback through but never
// a metadata service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { webhookRoutes } from './webhooks.ts';

const INTERNAL_URLS = [
  'http://127.0.0.1/hooks',
  'http://[::1]/hooks',
  'http://0.0.0.0/hooks',
  'http://2130706433/hooks',
  'http://0x7f000001/hooks',
  'http://127.1/hooks',
  'http://[::ffff:127.0.0.1]/hooks',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.0.0.1/hooks',
  'http://192.168.1.1/hooks',
  'http://172.16.0.1/hooks',
  'http://[fe80::1]/hooks',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://localhost:5432/',
  'http://db.localhost/',
];
const METADATA_URLS = [
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
];

describeEachDatabase('webhook targets', (getStore) => {
  describe('by default, public addresses only', () => {
    let w: ApiWorld;
    let admin: Record<string, string>;
    beforeAll(async () => {
      w = await apiWorld(getStore, { groups: [webhookRoutes] });
      admin = await w.as('admin');
    });
    afterAll(async () => {
      await w?.close();
    });

    it.each(INTERNAL_URLS)('refuses %s at subscription with 422, storing nothing', async (url) => {
      const before = await w.store.db
        .selectFrom('webhook_subscriptions')
        .select((eb) => eb.fn.countAll<bigint>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await w.app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: admin,
        payload: { url, topics: ['dispute.opened'] },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'webhook.url_invalid' });
      expect(res.json().detail).toMatch(/host is refused: .*(address|host|server itself)/);
      const after = await w.store.db
        .selectFrom('webhook_subscriptions')
        .select((eb) => eb.fn.countAll<bigint>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('accepts a public address and a public name', async () => {
      for (const url of ['https://hooks.example/settle', 'http://93.184.215.14/hooks']) {
        const res = await w.app.inject({
          method: 'POST',
          url: '/v1/webhooks',
          headers: admin,
          payload: { url, topics: ['dispute.opened'] },
        });
        expect(res.statusCode, url).toBe(201);
      }
    });
  });

  describe('with SETTLE_WEBHOOK_ALLOW_PRIVATE', () => {
    let w: ApiWorld;
    let admin: Record<string, string>;
    beforeAll(async () => {
      w = await apiWorld(getStore, {
        groups: [webhookRoutes],
        config: { webhookAllowPrivate: true },
      });
      admin = await w.as('admin');
    });
    afterAll(async () => {
      await w?.close();
    });

    it('lets loopback and private addresses through, never a metadata service', async () => {
      const post = (url: string) =>
        w.app.inject({
          method: 'POST',
          url: '/v1/webhooks',
          headers: admin,
          payload: { url, topics: ['dispute.opened'] },
        });
      for (const url of [
        'http://127.0.0.1:8080/hooks',
        'http://localhost:3001/',
        'http://10.0.0.1/',
      ]) {
        expect((await post(url)).statusCode, url).toBe(201);
      }
      for (const url of METADATA_URLS) {
        const res = await post(url);
        expect([res.statusCode, res.json().code], url).toEqual([422, 'webhook.url_invalid']);
      }
    });
  });
});
