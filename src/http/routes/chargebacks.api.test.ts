// Chargebacks over HTTP on both databases: the integration opens one (201, money as strings,
// times as ISO) and the order's disputes freeze; the order's seller defends before the due date
// with their own evidence, after it the runner lapses the defence; another store sees 404; the
// outcome moves balanced money once (409 the second time); bad input is a 4xx problem, never 5xx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { WORLD_T0 } from '../../../test/support/service-world.ts';
import {
  DEFAULT_POLICY,
  type DisputeId,
  type EvidenceId,
  money,
  type OrderId,
} from '../../domain/index.ts';
import { accountBalance, checkLedger } from '../../store/ledger-store.ts';
import { chargebackRoutes } from './chargebacks.ts';

type Headers = Record<string, string>;
const usd = (minor: string) => ({ minor, currency: 'USD' });

describeEachDatabase('chargeback routes', (getStore) => {
  let w: ApiWorld;
  let integration: Headers;
  let n = 0;

  beforeAll(async () => {
    w = await apiWorld(getStore, { groups: [chargebackRoutes] });
    integration = await w.as('integration');
  });
  afterAll(async () => {
    expect((await checkLedger(getStore().db)).ok).toBe(true);
    await w?.close();
  });

  const post = (url: string, headers: Headers, payload: unknown) =>
    w.app.inject({ method: 'POST', url, headers, payload: payload as object });
  const get = (url: string, headers: Headers) => w.app.inject({ method: 'GET', url, headers });

  /** An order with a dispute on it and evidence its seller added there. */
  async function disputedOrder(): Promise<{ orderId: OrderId; disputeId: DisputeId }> {
    const orderId = await w.newOrder();
    const disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: money(500, 'USD') },
      description: 'cracked',
    });
    expect(opened.ok).toBe(true);
    const added = await w.service.handle(disputeId, w.seller, {
      type: 'add_evidence',
      evidence: {
        id: `ev-${disputeId}` as EvidenceId,
        kind: 'tracking_proof',
        findings: [],
        sha256: 'c'.repeat(64),
        mediaType: 'image/jpeg',
        bytes: 4_096,
        fileName: 'pod.jpg',
        note: '',
        arbitratorOnly: false,
      },
    });
    expect(added.ok).toBe(true);
    return { orderId, disputeId };
  }

  async function opened(orderId: string, minor = '700'): Promise<string> {
    n += 1;
    const chargebackId = `cb-api-${n}`;
    const res = await post('/v1/chargebacks', integration, {
      chargebackId,
      orderId,
      amount: usd(minor),
    });
    expect(res.statusCode, res.body).toBe(201);
    return chargebackId;
  }

  it('opens a chargeback for the integration: 201, a wire view, and the escrow frozen', async () => {
    const { orderId, disputeId } = await disputedOrder();
    const res = await post('/v1/chargebacks', integration, { orderId, amount: usd('700') });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String),
      orderId,
      sellerId: w.sellerId,
      version: 1,
      status: 'awaiting_defence',
      amount: { minor: '700', currency: 'USD' },
      frozen: true,
      openedAt: new Date(WORLD_T0).toISOString(),
      defenceDueAt: new Date(WORLD_T0 + DEFAULT_POLICY.chargebackDefenceMs).toISOString(),
      stage: 'chargeback',
      conceded: false,
    });
    expect((await w.service.get(disputeId))?.dispute.escrowFrozen).toBe(true);
    const read = await get(`/v1/chargebacks/${body.id}`, await w.as('arbitrator'));
    expect(read.json()).toEqual(body);
  });

  it("lets only the order's seller defend, with evidence they uploaded on the order", async () => {
    const { orderId, disputeId } = await disputedOrder();
    const id = await opened(orderId);
    const url = `/v1/chargebacks/${id}/defence`;
    const seller = await w.as('seller');
    const stranger = (await w.createUser('seller')).headers;
    const defence = { evidenceIds: [`ev-${disputeId}`], note: 'signed for' };
    for (const res of [
      await get(`/v1/chargebacks/${id}`, stranger),
      await post(url, stranger, defence),
      await get(`/v1/chargebacks/${id}`, await w.as('buyer')),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('chargeback.not_found');
    }
    const unknown = await post(url, seller, { evidenceIds: ['ev-nope'], note: '' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'chargeback.evidence_unknown',
      facts: { unknown: 'ev-nope' },
    });
    const empty = await post(url, seller, { evidenceIds: [], note: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('input.invalid');
    const ok = await post(url, seller, defence);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'defended',
      version: 2,
      defence: { ...defence, at: new Date(w.clock.current()).toISOString() },
    });
    expect((await post(url, seller, defence)).statusCode).toBe(409);
  });

  it('closes the defence window at the due date; the runner lapses it', async () => {
    const { orderId, disputeId } = await disputedOrder();
    const id = await opened(orderId);
    w.clock.advance(DEFAULT_POLICY.chargebackDefenceMs);
    const defence = { evidenceIds: [`ev-${disputeId}`], note: 'late' };
    const late = await post(`/v1/chargebacks/${id}/defence`, await w.as('seller'), defence);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('deadline.not_pending');
    expect(await w.runtime.runner.drain()).toBeGreaterThanOrEqual(1);
    const read = await get(`/v1/chargebacks/${id}`, await w.as('seller'));
    expect(read.json()).toMatchObject({ status: 'defence_lapsed', frozen: true });
    const again = await post(`/v1/chargebacks/${id}/defence`, await w.as('seller'), defence);
    expect(again.json().code).toBe('chargeback.wrong_state');
  });

  it('records the outcome once: lost takes the money, a second outcome is 409', async () => {
    const { orderId, disputeId } = await disputedOrder();
    const id = await opened(orderId, '1200');
    const url = `/v1/chargebacks/${id}/outcome`;
    const lost = await post(url, integration, { outcome: 'lost' });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json()).toMatchObject({ status: 'lost', frozen: false, version: 2 });
    const db = getStore().db;
    const again = await post(url, integration, { outcome: 'won' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('chargeback.wrong_state');
    // The loss closed the open dispute: no refund from it, and the 800 the processor left in
    // escrow went to the seller of the completed order.
    const dispute = (await w.service.get(disputeId))?.dispute;
    expect(dispute?.escrowFrozen).toBe(false);
    expect(dispute?.status).toBe('resolved');
    expect(dispute?.resolution).toMatchObject({ how: 'chargeback', refunded: money(0, 'USD') });
    expect(await accountBalance(db, `order_escrow:${orderId}`, 'USD')).toBe(0n);
    expect(await accountBalance(db, `seller_balance:${w.sellerId}`, 'USD')).toBe(800n);
    const topics = await db
      .selectFrom('outbox')
      .select('topic')
      .where('aggregate_id', '=', disputeId)
      .execute();
    expect(topics.map((t) => t.topic)).toContain('dispute.resolved');
  });

  it('a won outcome lifts the hold and the dispute goes on', async () => {
    const { orderId, disputeId } = await disputedOrder();
    const id = await opened(orderId, '1200');
    const won = await post(`/v1/chargebacks/${id}/outcome`, integration, { outcome: 'won' });
    expect(won.statusCode, won.body).toBe(200);
    const dispute = (await w.service.get(disputeId))?.dispute;
    expect(dispute?.escrowFrozen).toBe(false);
    expect(dispute?.status).toBe('negotiating');
  });

  it('refuses amounts and references the order cannot carry', async () => {
    const orderId = await w.newOrder(); // 2000 USD paid
    const cases: [unknown, number, string][] = [
      [{ orderId, amount: usd('2001') }, 422, 'money.exceeds_refundable'],
      [{ orderId, amount: usd('0') }, 422, 'money.not_positive'],
      [{ orderId, amount: { minor: '10', currency: 'EUR' } }, 422, 'money.currency_mismatch'],
      [{ orderId: 'order-none', amount: usd('10') }, 422, 'order.not_found'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post('/v1/chargebacks', integration, payload);
      expect([res.statusCode, res.json().code], JSON.stringify(payload)).toEqual([status, code]);
    }
    const id = await opened(orderId, '10');
    const twice = await post('/v1/chargebacks', integration, {
      chargebackId: id,
      orderId,
      amount: usd('10'),
    });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'chargeback.already_exists']);
    const missing = await post('/v1/chargebacks/cb-none/outcome', integration, { outcome: 'won' });
    expect(missing.statusCode).toBe(404);
  });

  it('answers bad input with a 4xx problem, never a 5xx', async () => {
    const orderId = await w.newOrder();
    const id = await opened(orderId, '10');
    const seller = await w.as('seller');
    const cases: [string, string, Headers, unknown][] = [
      ['POST', '/v1/chargebacks', integration, { orderId }],
      ['POST', '/v1/chargebacks', integration, { orderId, amount: usd('-5') }],
      [
        'POST',
        '/v1/chargebacks',
        integration,
        { orderId, amount: { minor: 12.5, currency: 'USD' } },
      ],
      ['POST', '/v1/chargebacks', integration, { orderId, amount: usd('1'.repeat(19)) }],
      ['POST', '/v1/chargebacks', integration, { orderId, amount: usd('1'), extra: true }],
      [
        'POST',
        '/v1/chargebacks',
        integration,
        { orderId, amount: { minor: '1', currency: 'usd' } },
      ],
      [
        'POST',
        '/v1/chargebacks',
        integration,
        { chargebackId: 'no spaces', orderId, amount: usd('1') },
      ],
      ['POST', '/v1/chargebacks', integration, '{"orderId": '],
      ['POST', `/v1/chargebacks/${id}/outcome`, integration, { outcome: 'maybe' }],
      ['POST', `/v1/chargebacks/${id}/outcome`, integration, {}],
      ['POST', `/v1/chargebacks/${id}/defence`, seller, { evidenceIds: 'ev-1', note: '' }],
      ['POST', `/v1/chargebacks/${id}/defence`, seller, { evidenceIds: ['a', 'a'], note: '' }],
      [
        'POST',
        `/v1/chargebacks/${id}/defence`,
        seller,
        { evidenceIds: ['a'], note: 'x'.repeat(2001) },
      ],
      ['POST', `/v1/chargebacks/${id}/defence`, seller, { evidenceIds: ['a'] }],
      ['GET', '/v1/chargebacks/bad%20id', integration, undefined],
    ];
    for (const [method, url, headers, payload] of cases) {
      const res = await w.app.inject({
        method: method as 'GET' | 'POST',
        url,
        headers:
          typeof payload === 'string'
            ? { ...headers, 'content-type': 'application/json' }
            : headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      const label = `${method} ${url} ${JSON.stringify(payload)}: ${res.body.slice(0, 200)}`;
      expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, label).toBeLessThan(500);
      expect(res.headers['content-type'], label).toContain('application/problem+json');
    }
    // An id past its 100-character limit is a schema error like any other.
    const long = await get(`/v1/chargebacks/${'x'.repeat(101)}`, integration);
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
    // None of it changed the chargeback.
    const read = await get(`/v1/chargebacks/${id}`, integration);
    expect(read.json()).toMatchObject({ status: 'awaiting_defence', version: 1 });
  });
});
