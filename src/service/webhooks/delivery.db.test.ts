// Goal: a dispute command reaches a real receiver as a signed Standard Webhooks message
// (outbox -> fan-out -> dispatch), with money as strings; only subscribed topics go out; a
// failing receiver sees retries on the backoff schedule as the virtual clock moves, then
// `dead`; manual redelivery sends again; disabling stops everything.
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../../test/support/service-world.ts';
import { type Receiver, startReceiver } from '../../../test/support/webhook-receiver.ts';
import { type DisputeId, type MessageId, money, type OfferId } from '../../domain/index.ts';
import type { Store } from '../../store/store.ts';
import { ATTEMPTS_MAX, RETRY_DELAYS_MS } from './backoff.ts';
import { listDeliveries, redeliver } from './deliveries.ts';
import { fanOut } from './fan-out.ts';
import { createSubscription, disableSubscription, type Subscription } from './subscriptions.ts';
import type { WebhookTopic } from './topics.ts';
import { WebhookWorker } from './worker.ts';

// The receivers listen on 127.0.0.1: these tests opt in to private targets, as local
// development does with SETTLE_WEBHOOK_ALLOW_PRIVATE=true.
const LOCAL_DEV = { allowPrivate: true } as const;

const ALL_DISPUTE_TOPICS: WebhookTopic[] = [
  'dispute.opened',
  'dispute.updated',
  'dispute.resolved',
  'offer.made',
  'money.refunded',
  'money.released',
];

interface Setup {
  w: ServiceWorld;
  store: Store;
  worker: WebhookWorker;
  subscribe(topics: WebhookTopic[]): Promise<{ subscription: Subscription; receiver: Receiver }>;
  open(amountMinor?: number): Promise<DisputeId>;
}

describeEachDatabase('webhook delivery', (getStore) => {
  const receivers: Receiver[] = [];

  // Fan-out and dispatch see every row, so each test starts from empty webhook tables.
  beforeEach(async () => {
    const { db } = getStore();
    await sql`delete from webhook_deliveries`.execute(db);
    await sql`delete from webhook_subscriptions`.execute(db);
    await sql`delete from outbox`.execute(db);
  });

  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  async function setup(): Promise<Setup> {
    const store = getStore();
    const w = await serviceWorld(store);
    // No jitter: retries fall exactly on the schedule, so the test can step onto them.
    const worker = new WebhookWorker(store, w.clock, {
      random: () => 0,
      allowPrivateTargets: true,
    });
    return {
      w,
      store,
      worker,
      async subscribe(topics) {
        const receiver = await startReceiver(() => w.clock.current());
        receivers.push(receiver);
        const created = await createSubscription(
          store,
          w.clock,
          { url: receiver.url, topics },
          LOCAL_DEV,
        );
        if (!created.ok) throw new Error(created.message);
        receiver.secret = created.secret;
        return { subscription: created.subscription, receiver };
      },
      async open(amountMinor = 2_000) {
        const disputeId = w.disputeId();
        const written = await w.service.open(w.buyer, {
          disputeId,
          orderId: await w.newOrder({ amountMinor: BigInt(amountMinor) }),
          reason: 'wrong_item',
          request: { kind: 'refund', amount: money(amountMinor, 'USD') },
          description: 'got item B',
        });
        if (!written.ok) throw new Error(written.rejection.message);
        return disputeId;
      },
    };
  }

  async function onlyDelivery(store: Store, subscription: Subscription) {
    const page = await listDeliveries(store, subscription.id);
    expect(page?.items).toHaveLength(1);
    const [delivery] = page?.items ?? [];
    if (delivery === undefined) throw new Error('no delivery');
    return delivery;
  }

  it('delivers an opened dispute, signed, with money as decimal strings', async () => {
    const { w, store, worker, subscribe, open } = await setup();
    const { subscription, receiver } = await subscribe(['dispute.opened']);
    const disputeId = await open(123_456);

    const round = await worker.drain();
    expect(round).toMatchObject({ fannedOut: expect.any(Number), attempted: 1, succeeded: 1 });

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got?.verified).toEqual({ ok: true });
    expect(got?.headers['webhook-id']).toMatch(/^msg_[0-9]+$/);
    expect(got?.headers['webhook-timestamp']).toBe(String(Math.floor(w.clock.current() / 1000)));
    expect(got?.headers['content-type']).toBe('application/json');
    expect(got?.json).toMatchObject({
      type: 'dispute.opened',
      timestamp: new Date(w.clock.current()).toISOString(),
      data: {
        disputeId,
        seq: 1,
        change: { type: 'dispute_opened', by: 'buyer' },
        dispute: { status: 'negotiating' },
      },
    });
    // The public event (issue 10): money as { amount, currency } decimal strings.
    expect(got?.json.data).toMatchObject({
      dispute: { requested: { amount: '123456', currency: 'USD' } },
    });
    expect(got?.json).toMatchObject({
      apiVersion: expect.any(String),
      id: got?.headers['webhook-id'],
    });
    // Every bigint went out as a string: no number-typed amounts, no codec tags.
    expect(got?.body).not.toMatch(/"(minor|amount)":\d/);
    expect(got?.body).not.toContain('$bigint');

    const delivery = await onlyDelivery(store, subscription);
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempt: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: w.clock.current(),
      webhookId: got?.headers['webhook-id'],
    });
    const pending = await store.db
      .selectFrom('outbox')
      .select('id')
      .where('delivered_at', 'is', null)
      .execute();
    expect(pending).toEqual([]);
  });

  it('each delivered payload carries the chain head right after its event, hidden ones counted', async () => {
    const { w, store, worker, subscribe, open } = await setup();
    const { receiver } = await subscribe([...ALL_DISPUTE_TOPICS]);
    const disputeId = await open(2_000);
    // A message hidden from the seller still counts in the chain the marketplace is told of.
    const hidden = await w.service.handle(disputeId, w.buyer, {
      type: 'post_message',
      messageId: 'm-1' as MessageId,
      body: 'for the arbitrator only',
      arbitratorOnly: true,
    });
    expect(hidden.ok).toBe(true);
    // One write of several events (agreement, refund, resolution): each gets its own head.
    const accepted = await w.service.handle(disputeId, w.seller, {
      type: 'accept_offer',
      offerId: `${disputeId}.request` as OfferId,
    });
    expect(accepted.ok).toBe(true);
    await worker.drain();

    const stored = await store.db
      .selectFrom('dispute_events')
      .select(['seq', 'hash'])
      .where('dispute_id', '=', disputeId)
      .orderBy('seq')
      .execute();
    const sent = receiver.received.map((r) => r.json.data as { seq: number; chain: unknown });
    expect(sent.length).toBeGreaterThan(3);
    for (const data of sent) {
      const head = stored.filter((e) => e.seq <= data.seq).at(-1);
      expect(data.chain).toEqual({ seq: data.seq, headHash: head?.hash });
    }
    // The last delivery names the stored head: the row's version and its last event's hash.
    const row = await store.db
      .selectFrom('disputes')
      .select('version')
      .where('id', '=', disputeId)
      .executeTakeFirstOrThrow();
    const last = stored.at(-1);
    expect(sent.at(-1)?.chain).toEqual({ seq: row.version, headHash: last?.hash });
  });

  it('sends each subscription only its topics', async () => {
    const { w, worker, subscribe, open } = await setup();
    const money = await subscribe(['money.refunded']);
    const lifecycle = await subscribe(['dispute.opened', 'dispute.resolved']);
    const disputeId = await open(2_000);
    // The seller accepts the buyer's refund request: agreement, refund, resolution.
    const accepted = await w.service.handle(disputeId, w.seller, {
      type: 'accept_offer',
      offerId: `${disputeId}.request` as OfferId,
    });
    expect(accepted.ok).toBe(true);
    await worker.drain();

    expect(money.receiver.received.map((r) => r.json.type)).toEqual(['money.refunded']);
    expect(money.receiver.received[0]?.json.data).toMatchObject({
      disputeId,
      change: { type: 'refund_issued' },
      refund: { amount: { amount: '2000', currency: 'USD' } },
    });
    expect(lifecycle.receiver.received.map((r) => r.json.type)).toEqual([
      'dispute.opened',
      'dispute.resolved',
    ]);
    const all = [...money.receiver.received, ...lifecycle.receiver.received];
    expect(all.every((r) => r.verified.ok)).toBe(true);
  });

  it('retries a failing receiver on the backoff schedule until it answers', async () => {
    const { w, store, worker, subscribe, open } = await setup();
    const { subscription, receiver } = await subscribe(['dispute.opened']);
    receiver.script([500, 500]);
    const t0 = w.clock.current();
    await open();

    expect(await worker.drain()).toMatchObject({ attempted: 1, succeeded: 0 });
    expect(await onlyDelivery(store, subscription)).toMatchObject({
      status: 'failed',
      attempt: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: t0 + RETRY_DELAYS_MS[0],
    });

    w.clock.advance(RETRY_DELAYS_MS[0] - 1);
    expect(await worker.drain()).toMatchObject({ attempted: 0 });
    w.clock.advance(1);
    expect(await worker.drain()).toMatchObject({ attempted: 1, succeeded: 0 });
    const second = await onlyDelivery(store, subscription);
    expect(second).toMatchObject({ status: 'failed', attempt: 2 });
    expect(second.nextAttemptAt).toBe(w.clock.current() + RETRY_DELAYS_MS[1]);

    w.clock.advance(RETRY_DELAYS_MS[1]);
    expect(await worker.drain()).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(await onlyDelivery(store, subscription)).toMatchObject({
      status: 'succeeded',
      attempt: 3,
      lastStatusCode: 200,
      lastError: null,
    });

    // One message, three attempts: same webhook-id, each signed at its own time.
    expect(receiver.received.map((r) => r.answeredWith)).toEqual([500, 500, 200]);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(receiver.received.map((r) => Number(r.headers['webhook-timestamp']) * 1000)).toEqual([
      t0,
      t0 + RETRY_DELAYS_MS[0],
      t0 + RETRY_DELAYS_MS[0] + RETRY_DELAYS_MS[1],
    ]);
    expect(receiver.received.every((r) => r.verified.ok)).toBe(true);
  });

  it('gives up after the last attempt, and sends again on manual redelivery', async () => {
    const { w, store, worker, subscribe, open } = await setup();
    const { subscription, receiver } = await subscribe(['dispute.opened']);
    receiver.script(Array.from({ length: ATTEMPTS_MAX }, () => 503));
    await open();

    for (const delayMs of [...RETRY_DELAYS_MS, 0]) {
      expect(await worker.drain()).toMatchObject({ attempted: 1 });
      w.clock.advance(delayMs);
    }
    const dead = await onlyDelivery(store, subscription);
    expect(dead).toMatchObject({ status: 'dead', attempt: ATTEMPTS_MAX, nextAttemptAt: null });
    w.clock.advance(7 * 24 * 3_600_000);
    expect(await worker.drain()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(ATTEMPTS_MAX);

    const redelivered = await redeliver(store, w.clock, dead.id);
    expect(redelivered).toMatchObject({ ok: true, delivery: { status: 'pending' } });
    expect(await worker.drain()).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(await onlyDelivery(store, subscription)).toMatchObject({
      status: 'succeeded',
      attempt: ATTEMPTS_MAX + 1,
    });
    const last = receiver.received.at(-1);
    expect(last?.verified.ok).toBe(true);
    expect(last?.headers['webhook-id']).toBe(receiver.received[0]?.headers['webhook-id']);
  });

  it('records redirects and unreachable receivers as failures, never following a redirect', async () => {
    const { store, worker, subscribe, open } = await setup();
    const redirecting = await subscribe(['dispute.opened']);
    // Pointing at another receiver, subscribed to nothing: following would reach it.
    const elsewhere = await subscribe(['money.released']);
    redirecting.receiver.script([{ status: 307, body: '', location: elsewhere.receiver.url }]);
    const gone = await subscribe(['dispute.opened']);
    await gone.receiver.close();
    await open();

    await worker.drain();
    expect(redirecting.receiver.received).toHaveLength(1);
    expect(elsewhere.receiver.received).toHaveLength(0);
    expect(await onlyDelivery(store, redirecting.subscription)).toMatchObject({
      status: 'failed',
      lastStatusCode: 307,
      lastError: 'HTTP 307 (redirects are not followed)',
    });
    const refused = await onlyDelivery(store, gone.subscription);
    expect(refused).toMatchObject({ status: 'failed', lastStatusCode: null });
    expect(refused.lastError).toMatch(/ECONNREFUSED/);
  });

  it('a name that resolves to loopback is refused at delivery, without connecting', async () => {
    const { w, store, subscribe, open } = await setup();
    // Stored while private targets were allowed (or a name that resolved elsewhere then): the
    // check at subscription is not enough, the resolved address is checked at every delivery.
    const { subscription, receiver } = await subscribe(['dispute.opened']);
    const byName = receiver.url.replace('127.0.0.1', 'localhost');
    await store.db
      .updateTable('webhook_subscriptions')
      .set({ url: byName })
      .where('id', '=', subscription.id)
      .execute();
    await open();
    const publicOnly = new WebhookWorker(store, w.clock, { random: () => 0 });

    expect(await publicOnly.drain()).toMatchObject({ attempted: 1, succeeded: 0 });
    expect(receiver.received).toHaveLength(0);
    expect(await onlyDelivery(store, subscription)).toMatchObject({
      status: 'failed',
      lastStatusCode: null,
      lastError: 'refused: localhost resolves to an address that is not public',
    });

    // Allowed, the same name is resolved, pinned and delivered to.
    const localDev = new WebhookWorker(store, w.clock, {
      random: () => 0,
      allowPrivateTargets: true,
    });
    w.clock.advance(RETRY_DELAYS_MS[0]);
    expect(await localDev.drain()).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
  });

  it('bounds a receiver: the time it may take, and of its answer only the status is kept', async () => {
    const { w, store, subscribe, open } = await setup();
    const slow = await subscribe(['dispute.opened']);
    slow.receiver.script(['hang']);
    const chatty = await subscribe(['dispute.opened']);
    chatty.receiver.script([{ status: 500, body: `internal secret ${'x'.repeat(100_000)}` }]);
    await open();
    const worker = new WebhookWorker(store, w.clock, {
      random: () => 0,
      timeoutMs: 300,
      allowPrivateTargets: true,
    });

    await worker.drain();
    expect(await onlyDelivery(store, slow.subscription)).toMatchObject({
      status: 'failed',
      lastStatusCode: null,
      lastError: 'no response within 300 ms',
    });
    const chattyDelivery = await onlyDelivery(store, chatty.subscription);
    // The body is never echoed: the delivery log cannot be used to read an internal answer.
    expect(chattyDelivery.lastError).toBe('HTTP 500');
  });

  it('abandons a send in flight when stopped, and retries it after', async () => {
    const { w, store, subscribe, open } = await setup();
    const { subscription, receiver } = await subscribe(['dispute.opened']);
    receiver.script(['hang']);
    await open();
    const worker = new WebhookWorker(store, w.clock, {
      random: () => 0,
      pollMs: 60_000,
      allowPrivateTargets: true,
    });
    worker.start();
    // Waiting on I/O, not on time: the worker's first round reaches the receiver.
    for (let i = 0; i < 500 && receiver.received.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(receiver.received).toHaveLength(1);
    const stopping = Date.now();
    await worker.stop();
    // Far sooner than the 10 s send timeout.
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(await onlyDelivery(store, subscription)).toMatchObject({
      status: 'failed',
      attempt: 1,
      lastError: 'abandoned: the worker was stopping',
    });
    w.clock.advance(RETRY_DELAYS_MS[0]);
    expect(await worker.drain()).toMatchObject({ attempted: 1, succeeded: 1 });
  });

  it('fans each message out once, even when the outbox hands it out again', async () => {
    const { w, store, subscribe, open } = await setup();
    const { subscription } = await subscribe(['dispute.opened']);
    await open();
    const now = w.clock.current();
    expect(await fanOut(store, now)).toBe(1);
    // As if the fan-out had crashed after its commit but the outbox had not heard of it.
    await sql`update outbox set delivered_at = null`.execute(store.db);
    expect(await fanOut(store, now + 60_000)).toBe(1);
    expect((await listDeliveries(store, subscription.id))?.items).toHaveLength(1);
  });

  it('sends nothing more once the subscription is disabled', async () => {
    const { w, store, worker, subscribe, open } = await setup();
    const { subscription, receiver } = await subscribe(['dispute.opened']);
    receiver.script([500]);
    await open();
    await worker.drain();
    const disabled = await disableSubscription(store, w.clock, subscription.id);
    expect(disabled).toMatchObject({ enabled: false, disabledAt: w.clock.current() });
    expect(await onlyDelivery(store, subscription)).toMatchObject({
      status: 'dead',
      lastError: 'subscription disabled',
    });

    await open();
    w.clock.advance(RETRY_DELAYS_MS[0]);
    expect(await worker.drain()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(1);
    const [only] = (await listDeliveries(store, subscription.id))?.items ?? [];
    expect(await redeliver(store, w.clock, only?.id ?? '')).toMatchObject({
      ok: false,
      code: 'webhook.subscription_disabled',
    });
  });

  it('pages the delivery log newest first', async () => {
    const { store, worker, subscribe, open } = await setup();
    const { subscription } = await subscribe(ALL_DISPUTE_TOPICS);
    for (let i = 0; i < 5; i += 1) await open();
    await worker.drain();
    const first = await listDeliveries(store, subscription.id, { limit: 2 });
    const second = await listDeliveries(store, subscription.id, {
      limit: 2,
      ...(first?.nextCursor === undefined ? {} : { cursor: first.nextCursor }),
    });
    const rest = await listDeliveries(store, subscription.id, {
      limit: 2,
      ...(second?.nextCursor === undefined ? {} : { cursor: second.nextCursor }),
    });
    const ids = [first, second, rest].flatMap((p) => p?.items.map((d) => BigInt(d.id)) ?? []);
    expect(ids).toHaveLength(5);
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(rest?.nextCursor).toBeUndefined();
    expect(await listDeliveries(store, subscription.id, { cursor: 'nope' })).toBeUndefined();
  });
});
