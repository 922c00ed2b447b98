// Goal: the catch-up feed and the webhooks carry the same public events (issue 10, items 2 and
// 3). A whole scenario runs over HTTP with a real receiver subscribed to every topic; every
// delivered body validates against the OpenAPI document's schema for its type; the feed lists
// the very same objects in order; the dispute's status, amounts and outcome are rebuilt from the
// feed alone; and a cursor past the retention answers 410.
import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { feedOrder, http } from '../../../test/support/http-client.ts';
import { type Receiver, startReceiver } from '../../../test/support/webhook-receiver.ts';
import { DAY_MS, HOUR_MS } from '../../domain/index.ts';
import { WEBHOOK_TOPICS } from '../../service/webhooks/index.ts';
import { generateOpenApi } from '../openapi-document.ts';
import { eventComponentName } from '../openapi-webhooks.ts';

const usd = (minor: number) => ({ minor: String(minor), currency: 'USD' });
const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;

interface PublicEvent {
  apiVersion: string;
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown> & {
    disputeId?: string;
    seq?: number;
    dispute?: {
      status: string;
      refunded: { amount: string; currency: string };
      paid: { amount: string; currency: string };
      outcome?: { outcome: string; refunded: { amount: string } };
    };
  };
}
interface FeedPage {
  items: PublicEvent[];
  nextCursor?: string;
  hasMore: boolean;
}

describeEachDatabase('the catch-up feed and the public events', (getStore) => {
  let w: ApiWorld;
  let receiver: Receiver;
  let validate: (event: PublicEvent) => string | undefined;
  let disputeId: string;

  const feed = async (query: string, expected = 200) => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/v1/events${query}`,
      headers: await w.as('integration'),
    });
    expect(res.statusCode, res.body).toBe(expected);
    return res.json() as FeedPage;
  };

  /** Every event after `after`, page by page, as a marketplace catching up would read them. */
  const replay = async (after?: string, limit = 3) => {
    const all: PublicEvent[] = [];
    let cursor = after;
    for (let page = 0; page < 200; page += 1) {
      const body = await feed(
        `?limit=${limit}${cursor === undefined ? '' : `&after=${encodeURIComponent(cursor)}`}`,
      );
      all.push(...body.items);
      cursor = body.nextCursor;
      if (!body.hasMore) break;
    }
    return all;
  };

  beforeAll(async () => {
    w = await apiWorld(getStore, { config: { webhookAllowPrivate: true } });
    receiver = await startReceiver(() => w.clock.current());
    const doc = JSON.parse(await generateOpenApi()) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, 'openapi');
    validate = (event) => {
      const check = ajv.getSchema(`openapi#/components/schemas/${eventComponentName(event.type)}`);
      if (check === undefined) return `no schema for ${event.type}`;
      return check(event) ? undefined : ajv.errorsText(check.errors);
    };
    const h = http(w);
    await h.post('admin', '/v1/webhooks', { url: receiver.url, topics: [...WEBHOOK_TOPICS] }, 201);

    // The scenario: a dispute negotiated to a partial refund, with a message the buyer keeps
    // for the arbitrator; a chargeback on another order; a deadline coming up on a third.
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '3000' });
    disputeId = unique('dsp');
    await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId,
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: usd(3000) },
        description: 'cracked',
      },
      201,
    );
    await h.post('buyer', `/v1/disputes/${disputeId}/messages`, {
      body: 'for the arbitrator: the courier dropped it',
      arbitratorOnly: true,
    });
    await h.post('seller', `/v1/disputes/${disputeId}/offers/${disputeId}.request/reject`, {
      reason: 'a scratch only',
      counter: { offerId: 'counter-1', terms: { kind: 'refund', amount: usd(1000) } },
    });
    await h.post('buyer', `/v1/disputes/${disputeId}/offers/counter-1/accept`);

    const chargebackOrder = await feedOrder(w, { orderId: unique('order'), minor: '700' });
    const cb = await h.post(
      'integration',
      '/v1/chargebacks',
      { orderId: chargebackOrder, amount: usd(700) },
      201,
    );
    await h.post('integration', `/v1/chargebacks/${cb.body.id}/outcome`, { outcome: 'won' });

    const third = await feedOrder(w, { orderId: unique('order'), minor: '500' });
    const opened = await h.post(
      'buyer',
      '/v1/disputes',
      {
        orderId: third,
        reason: 'damaged',
        request: { kind: 'refund', amount: usd(500) },
        description: 'dented',
      },
      201,
    );
    const dueAt = Date.parse(opened.body.viewer.dueDates[0].dueAt);
    w.clock.advance(dueAt - w.clock.current() - HOUR_MS);
    await w.runtime.webhooks.drain();
  });

  afterAll(async () => {
    await receiver?.close();
    await w?.close();
  });

  it('delivers every topic, each body valid against its schema in the OpenAPI webhooks', () => {
    const bodies = receiver.received.map((r) => r.json as unknown as PublicEvent);
    expect(new Set(bodies.map((b) => b.type))).toEqual(new Set(WEBHOOK_TOPICS));
    for (const body of bodies) expect(validate(body), `${body.type} ${body.id}`).toBeUndefined();
    for (const r of receiver.received)
      expect(r.headers['webhook-id']).toBe((r.json as unknown as PublicEvent).id);
  });

  it('keeps what a party marked for the arbitrator out, and money as decimal strings', () => {
    const text = receiver.received.map((r) => r.body).join('\n');
    expect(text).not.toContain('the courier dropped it');
    const refunded = receiver.received
      .map((r) => r.json as unknown as PublicEvent)
      .find((b) => b.type === 'money.refunded');
    expect(refunded?.data.refund).toEqual({
      amount: { amount: '1000', currency: 'USD' },
      source: expect.any(String),
    });
  });

  it('lists in the feed exactly the objects the webhooks carried, in order, deadline notices aside', async () => {
    const all = await replay();
    const delivered = new Map(
      receiver.received.map((r) => [(r.json as unknown as PublicEvent).id, r.json]),
    );
    const fromFeed = all.filter((e) => delivered.has(e.id));
    expect(fromFeed.length).toBe(
      [...delivered.values()].filter((b) => b.type !== 'deadline.approaching').length,
    );
    for (const e of fromFeed) expect(e).toEqual(delivered.get(e.id));
    expect(all.some((e) => e.type === 'deadline.approaching')).toBe(false);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    // One dispute's events come in the order they happened.
    const seqs = all.filter((e) => e.data.disputeId === disputeId).map((e) => e.data.seq ?? 0);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const e of all) expect(validate(e), `${e.type} ${e.id}`).toBeUndefined();
  });

  it("rebuilds the dispute's status, amounts and outcome from the feed alone", async () => {
    const mirror = new Map<string, NonNullable<PublicEvent['data']['dispute']>>();
    for (const e of await replay(undefined, 2)) {
      if (e.data.dispute !== undefined && typeof e.data.disputeId === 'string')
        mirror.set(e.data.disputeId, e.data.dispute);
    }
    const rebuilt = mirror.get(disputeId);
    const truth = (await http(w).get('integration', `/v1/disputes/${disputeId}`)).body;
    expect(rebuilt?.status).toBe(truth.status);
    expect(rebuilt?.status).toBe('resolved');
    expect(rebuilt?.refunded).toEqual({ amount: truth.refunded.minor, currency: 'USD' });
    expect(rebuilt?.paid.amount).toBe(truth.order.paid.minor);
    expect(rebuilt?.outcome?.outcome).toBe(truth.resolution.outcome);
    expect(rebuilt?.outcome?.refunded.amount).toBe('1000');
  });

  it('filters by type and resumes from a cursor without repeating', async () => {
    const refunds = await feed('?types=money.refunded&limit=50');
    expect(refunds.items.length).toBeGreaterThan(0);
    expect(refunds.items.every((e) => e.type === 'money.refunded')).toBe(true);
    const all = await replay();
    const half = all[Math.floor(all.length / 2)];
    const rest = await replay(half?.id);
    expect(rest.map((e) => e.id)).toEqual(
      all.slice(all.indexOf(half as PublicEvent) + 1).map((e) => e.id),
    );
  });

  it('answers a cursor it never gave out with 400, and one past the retention with 410', async () => {
    const bad = await w.app.inject({
      method: 'GET',
      url: '/v1/events?after=evt_nonsense',
      headers: await w.as('integration'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'request.invalid_cursor' });
    const first = (await replay())[0];
    // Within the retention the runner keeps everything...
    const firstAt = Date.parse(first?.timestamp ?? '');
    w.clock.advance(firstAt + 29 * DAY_MS - w.clock.current());
    await w.runtime.runner.drain();
    expect((await feed(`?after=${first?.id}&limit=1`)).items.length).toBe(1);
    // ...past it, the events go and the cursor is told so.
    w.clock.advance(2 * DAY_MS);
    await w.runtime.webhooks.drain();
    await w.runtime.runner.drain();
    const gone = await w.app.inject({
      method: 'GET',
      url: `/v1/events?after=${first?.id}`,
      headers: await w.as('integration'),
    });
    expect(gone.statusCode, gone.body).toBe(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect(gone.json()).toMatchObject({
      code: 'events.cursor_expired',
      facts: { retentionDays: 30 },
    });
  });
});
