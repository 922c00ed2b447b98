// Goal: only admins (signed in, or with an admin API key) manage webhooks; input is checked
// (422 for URLs we will not call); the secret is shown once; and the delivery log and manual
// redelivery work over HTTP against a real receiver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type Receiver, startReceiver } from '../../../test/support/webhook-receiver.ts';
import { money } from '../../domain/index.ts';
import { WebhookWorker } from '../../service/webhooks/index.ts';
import { webhookRoutes } from './webhooks.ts';

interface CreatedBody {
  id: string;
  url: string;
  topics: string[];
  enabled: boolean;
  secret?: string;
}

describeEachDatabase('webhook routes', (getStore) => {
  let w: ApiWorld;
  let receiver: Receiver;
  let admin: Record<string, string>;

  beforeAll(async () => {
    // The receiver listens on 127.0.0.1: allowed only because this world opts in, as local
    // development does with SETTLE_WEBHOOK_ALLOW_PRIVATE=true.
    w = await apiWorld(getStore, {
      groups: [webhookRoutes],
      config: { webhookAllowPrivate: true },
    });
    receiver = await startReceiver(() => w.clock.current());
    admin = await w.as('admin');
  });

  afterAll(async () => {
    await receiver?.close();
    await w?.close();
  });

  const create = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    w.app.inject({ method: 'POST', url: '/v1/webhooks', headers, payload });

  describe('who may', () => {
    it('answers 401 to strangers before looking at the body', async () => {
      const res = await create({}, { nonsense: true });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'auth.required' });
      const list = await w.app.inject({ method: 'GET', url: '/v1/webhooks' });
      expect(list.statusCode).toBe(401);
    });

    it('answers 403 to buyers, sellers and integration keys', async () => {
      for (const role of ['buyer', 'seller', 'integration'] as const) {
        const res = await w.app.inject({
          method: 'GET',
          url: '/v1/webhooks',
          headers: await w.as(role),
        });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'auth.forbidden' });
      }
    });

    it('lets an admin API key in', async () => {
      const key = await w.apiKey(['admin']);
      const res = await w.app.inject({ method: 'GET', url: '/v1/webhooks', headers: key });
      expect(res.statusCode).toBe(200);
    });
  });

  describe('input', () => {
    it('refuses URLs it will not call with 422', async () => {
      for (const url of ['ftp://hooks.example/', 'https://u:p@hooks.example/', 'not a url']) {
        const res = await create(admin, { url, topics: ['dispute.opened'] });
        expect(res.statusCode).toBe(422);
        expect(res.json()).toMatchObject({ code: 'webhook.url_invalid' });
      }
    });

    it('refuses unknown topics, duplicates, empty lists and unknown fields', async () => {
      const url = 'https://hooks.example/settle';
      for (const payload of [
        { url, topics: ['dispute.deleted'] },
        { url, topics: ['dispute.opened', 'dispute.opened'] },
        { url, topics: [] },
        { url, topics: ['dispute.opened'], secret: 'whsec_mine' },
      ]) {
        const res = await create(admin, payload);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'request.invalid' });
      }
    });

    it('answers 404 for unknown subscriptions and deliveries, 400 for a bad cursor', async () => {
      const get = (url: string, method: 'GET' | 'POST' | 'DELETE' = 'GET') =>
        w.app.inject({ method, url, headers: admin });
      expect((await get('/v1/webhooks/wh_nope/deliveries')).statusCode).toBe(404);
      expect((await get('/v1/webhooks/wh_nope', 'DELETE')).statusCode).toBe(404);
      expect((await get('/v1/webhook-deliveries/999999/redeliver', 'POST')).statusCode).toBe(404);
      expect((await get('/v1/webhook-deliveries/abc/redeliver', 'POST')).statusCode).toBe(400);
      expect((await get('/v1/webhooks/wh_nope/deliveries?cursor=x')).statusCode).toBe(400);
    });
  });

  it('documents the routes, with the topics, in OpenAPI', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = res.json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    expect(doc.paths['/v1/webhooks']?.post?.tags).toEqual(['webhooks']);
    expect(doc.paths['/v1/webhook-deliveries/{id}/redeliver']).toHaveProperty('post');
    expect(res.body).toContain('deadline.approaching');
  });

  it('subscribes, delivers, logs, redelivers and disables', async () => {
    const res = await create(admin, {
      url: receiver.url,
      topics: ['dispute.opened'],
      description: 'ops',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json() as CreatedBody;
    expect(created).toMatchObject({ url: receiver.url, topics: ['dispute.opened'], enabled: true });
    expect(created.secret).toMatch(/^whsec_/);
    receiver.secret = created.secret ?? '';

    const list = await w.app.inject({ method: 'GET', url: '/v1/webhooks', headers: admin });
    const listed = (list.json() as { items: CreatedBody[] }).items.find((s) => s.id === created.id);
    expect(listed).toMatchObject({ id: created.id, description: 'ops' });
    expect(listed).not.toHaveProperty('secret');

    const opened = await w.service.open(w.buyer, {
      disputeId: w.disputeId(),
      orderId: await w.newOrder(),
      reason: 'wrong_item',
      request: { kind: 'refund', amount: money(2_000, 'USD') },
      description: 'got item B',
    });
    expect(opened.ok).toBe(true);
    const worker = new WebhookWorker(w.store, w.clock, {
      random: () => 0,
      allowPrivateTargets: true,
    });
    await worker.drain();
    expect(receiver.received.map((r) => r.verified.ok)).toEqual([true]);

    const log = await w.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${created.id}/deliveries?limit=10`,
      headers: admin,
    });
    expect(log.statusCode).toBe(200);
    const [delivery] = (log.json() as { items: Record<string, unknown>[] }).items;
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempt: 1,
      lastStatusCode: 200,
      topic: 'dispute.opened',
      createdAt: new Date(w.clock.current()).toISOString(),
      payload: {
        type: 'dispute.opened',
        data: { dispute: { requested: { amount: '2000' } } },
      },
    });

    const again = await w.app.inject({
      method: 'POST',
      url: `/v1/webhook-deliveries/${String(delivery?.id)}/redeliver`,
      headers: admin,
    });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ status: 'pending', deliveredAt: null });
    await worker.drain();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.headers['webhook-id']).toBe(delivery?.webhookId);

    const gone = await w.app.inject({
      method: 'DELETE',
      url: `/v1/webhooks/${created.id}`,
      headers: admin,
    });
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toMatchObject({ enabled: false, disabledAt: expect.any(String) });
  });
});
