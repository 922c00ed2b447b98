// Goal: the catch-up feed and the webhooks carry the same public events (issue 10, items 2 and
// 3). A whole scenario runs over HTTP with a real receiver subscribed to every topic; every
// delivered body validates against the OpenAPI document's schema for its type; the feed lists
// the very same objects in order; the dispute's status, amounts and outcome are rebuilt from the
// feed alone; refund results carry the refund's id, state and attempt, and a ruling against the
// seller announces its standing with rates and thresholds; and a cursor past the retention
// answers 410.
import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { feedOrder, http } from '../../../test/support/http-client.ts';
import { type Receiver, startReceiver } from '../../../test/support/webhook-receiver.ts';
import { DAY_MS, HOUR_MS, REFUND_ATTEMPTS_MAX, REFUND_RETRY_MS } from '../../domain/index.ts';
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
  let ruledId: string;

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

    // A second dispute ruled against the seller: a refund the marketplace reports paid, and the
    // seller's first ruling against it lifts its standing above the thresholds.
    const refundOf = async (id: string): Promise<string> =>
      (await h.get('integration', `/v1/disputes/${id}`)).body.refunds[0].id;
    ruledId = unique('dsp');
    await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: ruledId,
        orderId: await feedOrder(w, { orderId: unique('order'), minor: '2000' }),
        reason: 'damaged',
        request: { kind: 'refund', amount: usd(2000) },
        description: 'shattered',
      },
      201,
    );
    await h.post('seller', `/v1/disputes/${ruledId}/offers/${ruledId}.request/reject`, {
      reason: 'it left intact',
      counter: { offerId: 'counter-2', terms: { kind: 'refund', amount: usd(200) } },
    });
    await h.post('buyer', `/v1/disputes/${ruledId}/escalate`, {});
    await h.post('arbitrator', `/v1/disputes/${ruledId}/ruling`, {
      outcome: { kind: 'refund', amount: usd(2000) },
      responsibility: 'seller',
      reasonCode: 'damaged',
      note: 'packed badly',
    });
    await h.post('integration', `/v1/refunds/${await refundOf(ruledId)}/result`, {
      result: 'succeeded',
    });
    // The agreed refund of the first dispute fails every attempt and goes to staff.
    const failing = await refundOf(disputeId);
    for (let attempt = 1; attempt <= REFUND_ATTEMPTS_MAX; attempt += 1) {
      await h.post('integration', `/v1/refunds/${failing}/result`, {
        result: 'failed',
        failure: 'card expired',
      });
      if (attempt < REFUND_ATTEMPTS_MAX)
        await h.post('admin', '/v1/clock/advance', { ms: REFUND_RETRY_MS });
    }

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

  it("carries each refund result with the refund's id, state and attempt", async () => {
    const all = await replay(undefined, 50);
    const results = all
      .filter((e) => e.type.startsWith('refund.'))
      .map((e) => ({ type: e.type, disputeId: e.data.disputeId, refund: e.data.refund }));
    const failing = { id: `${disputeId}:refund:1`, amount: { amount: '1000', currency: 'USD' } };
    expect(results).toEqual([
      {
        type: 'refund.succeeded',
        disputeId: ruledId,
        refund: expect.objectContaining({
          id: expect.stringContaining(ruledId),
          state: 'succeeded',
          attempt: 1,
          amount: { amount: '2000', currency: 'USD' },
          settledAt: expect.any(String),
        }),
      },
      ...[1, 2].flatMap((attempt) => [
        {
          type: 'refund.failed',
          disputeId,
          refund: expect.objectContaining({
            ...failing,
            state: 'retry_scheduled',
            attempt,
            lastFailure: 'card expired',
            retryAt: expect.any(String),
          }),
        },
        {
          type: 'refund.retry_requested',
          disputeId,
          refund: expect.objectContaining({ ...failing, state: 'pending', attempt: attempt + 1 }),
        },
      ]),
      {
        type: 'refund.failed',
        disputeId,
        refund: expect.objectContaining({ ...failing, state: 'pending', attempt: 3 }),
      },
      {
        type: 'refund.escalated',
        disputeId,
        refund: expect.objectContaining({ ...failing, state: 'escalated', attempt: 3 }),
      },
    ]);
    for (const e of all.filter((e) => e.type.startsWith('refund.')))
      expect(e.data.dispute?.status, e.type).toBeDefined();
  });

  it('announces the seller standing with ISO times, rates, thresholds and the ruled dispute', async () => {
    const standing = (await feed('?types=seller.standing_changed&limit=50')).items;
    expect(standing).toHaveLength(1);
    const data = standing[0]?.data;
    expect(data).toMatchObject({
      // One ruling among a handful of orders is above both default thresholds' rates.
      previousLevel: 'good',
      level: 'restrict',
      tier: 'restricted',
      direction: 'worse',
      metrics: { sellerResponsibilityRate: { numerator: 1 } },
      thresholds: { warn: { tier: 'warning' }, restrict: { tier: 'restricted' } },
      disputes: [{ disputeId: ruledId, responsibility: 'seller' }],
    });
    expect(Date.parse(String(data?.at))).toBe(Date.parse(standing[0]?.timestamp ?? ''));
    expect(String(data?.at)).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(validate(standing[0] as PublicEvent)).toBeUndefined();
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
