// Goal (issue 10, item 4): a marketplace key with the act_as scope acts for its buyers (even ones
// it fed without a password) and its stores' staff through `Settle-Act-As`: it opens disputes,
// makes offers, uploads evidence and messages as them, authorized as them and never as itself;
// the event log records the person and the key (`via`), staff see the key in the timeline,
// parties do not, and the audit chain verifies. Anyone else or any other header is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { form } from '../../../test/support/multipart.ts';
import { DAY_MS } from '../../domain/index.ts';
import { plainPhoto } from '../../service/evidence/test-fixtures.ts';
import { verifyChain } from '../../store/event-chain.ts';
import { loadEvents } from '../../store/event-log.ts';
import { ACT_AS_HEADER } from '../auth.ts';

const usd = (minor: number) => ({ minor: String(minor), currency: 'USD' });
const fresh = (p: string) => `${p}-${randomUUID().slice(0, 8)}`;

describeEachDatabase('acting for a user (Settle-Act-As)', (getStore) => {
  let w: ApiWorld;
  let key: Record<string, string>;
  let keyId: string;
  let staffRef: string;

  beforeAll(async () => {
    w = await apiWorld(getStore);
    key = { ...(await w.apiKey(['integration', 'act_as'])) };
    keyId = /^Bearer sk_([0-9a-f]{16})_/.exec(key.authorization ?? '')?.[1] ?? '';
    staffRef = `seller:${w.sellerId}:${w.users.seller.user.id}`;
  });
  afterAll(async () => {
    await w?.close();
  });

  const as = (ref: string) => ({ ...key, [ACT_AS_HEADER]: ref });

  /** A buyer the marketplace feeds (no password, never signed in) with a delivered order. */
  async function fedBuyerWithOrder(): Promise<{ buyerId: string; orderId: string }> {
    const buyerId = fresh('fed-buyer');
    const orderId = fresh('fed-order');
    const now = await w.clock.now();
    const paidAt = new Date(now - 10 * DAY_MS).toISOString();
    const steps = [
      {
        method: 'PUT',
        url: `/v1/buyers/${buyerId}`,
        payload: { email: `${buyerId}@b.test`, name: 'Fed' },
      },
      {
        method: 'PUT',
        url: `/v1/orders/${orderId}`,
        payload: {
          sellerId: w.sellerId,
          buyerId,
          buyerCountry: 'US',
          amountPaid: usd(2000),
          paidAt,
          items: [{ sku: 'S', title: 'Lamp', quantity: 1, unitPrice: usd(2000) }],
        },
      },
      {
        method: 'PUT',
        url: `/v1/shipments/${orderId}:outbound`,
        payload: { orderId, channel: 'platform', carrier: 'c', trackingNumber: 't', at: paidAt },
      },
      {
        method: 'POST',
        url: '/v1/tracking-events',
        payload: {
          shipmentId: `${orderId}:outbound`,
          status: 'delivered',
          at: new Date(now - 2 * DAY_MS).toISOString(),
        },
      },
    ] as const;
    for (const step of steps) {
      const res = await w.app.inject({ ...step, headers: key });
      expect(res.statusCode, `${step.method} ${step.url}: ${res.body}`).toBeLessThan(300);
    }
    return { buyerId, orderId };
  }

  async function openAs(ref: string, orderId: string) {
    return w.app.inject({
      method: 'POST',
      url: '/v1/disputes',
      headers: as(ref),
      payload: {
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: usd(1500) },
        description: 'arrived cracked',
      },
    });
  }

  it('opens, offers, uploads and messages as the buyer and the staff member; the log keeps the key as via', async () => {
    const { buyerId, orderId } = await fedBuyerWithOrder();
    const opened = await openAs(`buyer:${buyerId}`, orderId);
    expect(opened.statusCode, opened.body).toBe(201);
    const disputeId = (opened.json() as { id: string }).id;

    const offer = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/offers`,
      headers: as(staffRef),
      payload: { terms: { kind: 'refund', amount: usd(1000) } },
    });
    expect(offer.statusCode, offer.body).toBeLessThan(300);
    const message = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/messages`,
      headers: as(`buyer:${buyerId}`),
      payload: { body: 'please refund in full' },
    });
    expect(message.statusCode, message.body).toBeLessThan(300);
    const upload = form({ kind: 'item_photo' }, [
      { name: 'crack.png', type: 'image/png', bytes: await plainPhoto() },
    ]);
    const evidence = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/evidence`,
      headers: { ...as(`buyer:${buyerId}`), 'content-type': upload.contentType },
      payload: upload.payload,
    });
    expect(evidence.statusCode, evidence.body).toBe(201);

    const events = await loadEvents(w.store.db, disputeId);
    const actors = events.map((e) => (e.payload as { actor: unknown }).actor);
    const via = { role: 'integration', id: keyId };
    expect(actors).toContainEqual({ role: 'buyer', id: buyerId, via });
    expect(actors).toContainEqual({
      role: 'seller',
      id: w.sellerId,
      userId: w.users.seller.user.id,
      via,
    });
    expect(events.filter((e) => e.actorRole === 'buyer').map((e) => e.actorId)).toContain(buyerId);
    expect(await verifyChain(w.store.db, disputeId)).toMatchObject({ ok: true });

    // Staff see which key acted; the parties see only who.
    type Timeline = { timeline: { by: string; via?: string }[] };
    const staffView = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${disputeId}`,
      headers: await w.as('arbitrator'),
    });
    const staffTimeline = (staffView.json() as Timeline).timeline;
    expect(staffTimeline[0]).toMatchObject({ by: 'buyer', via: keyId });
    expect(staffTimeline.filter((t) => t.via === keyId).length).toBeGreaterThanOrEqual(4);
    for (const headers of [as(`buyer:${buyerId}`), await w.as('seller')]) {
      const partyView = await w.app.inject({
        method: 'GET',
        url: `/v1/disputes/${disputeId}`,
        headers,
      });
      expect(partyView.statusCode).toBe(200);
      expect((partyView.json() as Timeline).timeline.some((t) => 'via' in t)).toBe(false);
    }
  });

  it('authorizes the person, not the key: an acting buyer may not feed orders or read another buyer’s dispute', async () => {
    const { buyerId, orderId } = await fedBuyerWithOrder();
    const other = await fedBuyerWithOrder();
    const opened = await openAs(`buyer:${other.buyerId}`, other.orderId);
    expect(opened.statusCode, opened.body).toBe(201);
    const otherDispute = (opened.json() as { id: string }).id;

    const read = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${otherDispute}`,
      headers: as(`buyer:${buyerId}`),
    });
    expect(read.statusCode).toBe(404);
    const feed = await w.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/status`,
      headers: as(`buyer:${buyerId}`),
      payload: { status: 'completed', at: new Date(await w.clock.now()).toISOString() },
    });
    expect(feed.statusCode).toBe(403);
    // A buyer may not open a dispute on someone else's order, whoever carries the request.
    const foreign = await openAs(`buyer:${buyerId}`, other.orderId);
    expect(foreign.statusCode).toBe(404);
    // The seller's staff may not open a dispute at all.
    const bySeller = await openAs(staffRef, orderId);
    expect(bySeller.statusCode).toBe(403);
  });

  it('refuses an unknown, disabled, staff or other store’s person alike, and changes nothing', async () => {
    const { buyerId, orderId } = await fedBuyerWithOrder();
    const otherStaff = await w.createUser('seller');
    const disabled = await fedBuyerWithOrder();
    const off = await w.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${disabled.buyerId}/disable`,
      headers: await w.as('admin'),
    });
    expect(off.statusCode, off.body).toBe(200);
    const refused = [
      'buyer:no-such-buyer',
      `buyer:${disabled.buyerId}`,
      `buyer:${w.users.arbitrator.user.id}`,
      `buyer:${w.users.seller.user.id}`,
      `seller:${w.sellerId}:${otherStaff.user.id}`,
      `seller:${otherStaff.user.sellerId}:${w.users.seller.user.id}`,
      `seller:${w.sellerId}:${buyerId}`,
    ];
    const bodies = new Set<string>();
    for (const ref of refused) {
      const res = await openAs(ref, ref.endsWith(disabled.buyerId) ? disabled.orderId : orderId);
      expect(res.statusCode, ref).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      bodies.add(res.body);
    }
    // One answer whatever was wrong: nothing tells a missing account from another store's.
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0] ?? '{}')).toMatchObject({ code: 'auth.act_as_refused' });
    const list = await w.app.inject({
      method: 'GET',
      url: '/v1/disputes',
      headers: as(`buyer:${buyerId}`),
    });
    expect((list.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses a malformed header (400), a key without act_as and a signed-in person (403)', async () => {
    const { buyerId, orderId } = await fedBuyerWithOrder();
    for (const bad of [
      '',
      'buyer:',
      'buyer',
      'seller:only-one',
      `admin:${buyerId}`,
      `buyer: ${buyerId}`,
      'x'.repeat(300),
    ]) {
      const res = await openAs(bad, orderId);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'auth.act_as_malformed' });
    }
    const plain = await w.app.inject({
      method: 'POST',
      url: '/v1/disputes',
      headers: { ...(await w.as('integration')), [ACT_AS_HEADER]: `buyer:${buyerId}` },
      payload: {
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: usd(100) },
        description: 'x',
      },
    });
    expect(plain.statusCode).toBe(403);
    expect(plain.json()).toMatchObject({ code: 'auth.act_as_forbidden' });
    const session = await w.app.inject({
      method: 'GET',
      url: '/v1/disputes',
      headers: { ...(await w.as('buyer')), [ACT_AS_HEADER]: `buyer:${buyerId}` },
    });
    expect(session.statusCode).toBe(403);
    expect(session.json()).toMatchObject({ code: 'auth.act_as_forbidden' });
  });

  it('keeps idempotency keys per acted-for person', async () => {
    const a = await fedBuyerWithOrder();
    const b = await fedBuyerWithOrder();
    const idem = { 'idempotency-key': fresh('idem') };
    const first = await w.app.inject({
      method: 'POST',
      url: '/v1/disputes',
      headers: { ...as(`buyer:${a.buyerId}`), ...idem },
      payload: {
        orderId: a.orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: usd(100) },
        description: 'x',
      },
    });
    const second = await w.app.inject({
      method: 'POST',
      url: '/v1/disputes',
      headers: { ...as(`buyer:${b.buyerId}`), ...idem },
      payload: {
        orderId: b.orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: usd(100) },
        description: 'x',
      },
    });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
  });

  it('gives act_as only with the integration scope', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: await w.as('admin'),
      payload: { name: 'acting only', scopes: ['act_as'] },
    });
    expect(res.statusCode).toBe(422);
  });
});
