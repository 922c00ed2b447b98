// Bad input gets a clear 4xx problem+json and changes nothing: malformed JSON, wrong types,
// unknown fields, huge bodies, bad amounts and currencies, control characters, unknown ids.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';

const usd = (minor: string) => ({ minor, currency: 'USD' });

interface BadCase {
  readonly name: string;
  readonly role: 'buyer' | 'seller' | 'integration';
  readonly method: 'POST' | 'PUT';
  readonly url: (c: { disputeId: string; orderId: string }) => string;
  /** A JS value sent as JSON, or a raw string sent as is. */
  readonly payload: unknown;
  readonly contentType?: string;
  readonly status: number;
}

const offer = (terms: unknown) => ({ terms });
const CASES: BadCase[] = [
  {
    name: 'malformed JSON',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: '{"terms": {"kind": "refund",',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'an empty JSON body',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: '',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'a JSON array instead of an object',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: '[1,2]',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'the wrong content type',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    payload: 'body=hi',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
  },
  {
    name: 'a number where a string belongs',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: { minor: 100, currency: 'USD' } }),
    status: 400,
  },
  {
    name: 'an unknown field',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: { ...offer({ kind: 'refund', amount: usd('100') }), isAdmin: true },
    status: 400,
  },
  {
    name: 'an unknown offer kind',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'bitcoin', amount: usd('100') }),
    status: 400,
  },
  {
    name: 'a negative amount',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('-100') }),
    status: 400,
  },
  {
    name: 'a zero amount',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('0') }),
    status: 422,
  },
  {
    name: 'a fractional amount',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('12.5') }),
    status: 400,
  },
  {
    name: 'an overflowing amount',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('99999999999999999999999') }),
    status: 400,
  },
  {
    name: 'an amount above the refundable',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('999999999') }),
    status: 422,
  },
  {
    name: 'the wrong currency',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: { minor: '100', currency: 'EUR' } }),
    status: 422,
  },
  {
    name: 'a malformed currency',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: { minor: '100', currency: 'usd' } }),
    status: 400,
  },
  {
    name: 'control characters in text',
    role: 'buyer',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    payload: { body: 'hello\u0000\u001b[2J' },
    status: 422,
  },
  {
    name: 'a text over its limit',
    role: 'buyer',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    payload: { body: 'x'.repeat(4_001) },
    status: 400,
  },
  {
    name: 'a huge body',
    role: 'buyer',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    payload: { body: 'x'.repeat(2_000_000) },
    status: 413,
  },
  {
    name: 'an unknown dispute',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes/no-such-dispute/messages',
    payload: { body: 'hi' },
    status: 404,
  },
  {
    name: 'an id with path tricks',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes/..%2F..%2Fetc/messages',
    payload: { body: 'hi' },
    status: 400,
  },
  {
    name: 'an id far over its length limit',
    role: 'buyer',
    method: 'POST',
    url: () => `/v1/disputes/${'x'.repeat(400)}/messages`,
    payload: { body: 'hi' },
    status: 400,
  },
  {
    name: 'a malformed percent-encoding in the path',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes/%E0%A4%A/messages',
    payload: { body: 'hi' },
    status: 400,
  },
  {
    name: 'an unknown order',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes',
    payload: {
      orderId: 'no-such-order',
      reason: 'damaged',
      request: { kind: 'refund', amount: usd('100') },
      description: 'x',
    },
    status: 404,
  },
  {
    name: 'an unknown reason',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes',
    payload: {
      orderId: 'x',
      reason: 'bored',
      request: { kind: 'refund', amount: usd('100') },
      description: 'x',
    },
    status: 400,
  },
  {
    name: 'a bad date',
    role: 'integration',
    method: 'POST',
    url: (c) => `/v1/orders/${c.orderId}/status`,
    payload: { status: 'delivered', at: 'yesterday' },
    status: 400,
  },
  {
    name: 'a bad country',
    role: 'integration',
    method: 'PUT',
    url: () => '/v1/sellers/s-bad',
    payload: { name: 'S', country: 'China' },
    status: 400,
  },
  {
    name: 'an order in mixed currencies',
    role: 'integration',
    method: 'PUT',
    url: () => '/v1/orders/o-mixed',
    payload: {
      sellerId: 'x',
      buyerId: 'y',
      buyerCountry: 'US',
      amountPaid: usd('100'),
      paidAt: '2026-11-01T00:00:00Z',
      items: [{ sku: 'a', title: 'b', quantity: 1, unitPrice: { minor: '100', currency: 'EUR' } }],
    },
    status: 422,
  },
];

describeEachDatabase('bad input', (getStore) => {
  let w: ApiWorld;
  let ctx: { disputeId: string; orderId: string };

  beforeAll(async () => {
    w = await apiWorld(getStore);
    const orderId = await w.newOrder();
    const disputeId = `bad-input-${Date.now().toString(36)}`;
    const opened = await w.service.open(w.buyer, {
      disputeId: disputeId as never,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: { minor: 500n, currency: 'USD' as never } },
      description: 'cracked',
    });
    if (!opened.ok) throw new Error(opened.rejection.code);
    ctx = { disputeId, orderId };
  });
  afterAll(async () => {
    await w?.close();
  });

  it.each(CASES)('$name → $status problem+json, nothing changed', async (c) => {
    const before = await w.service.get(ctx.disputeId);
    const headers = {
      ...((await w.as(c.role)) as Record<string, string>),
      'content-type': c.contentType ?? 'application/json',
    };
    const res = await w.app.inject({
      method: c.method,
      url: c.url(ctx),
      headers,
      payload: typeof c.payload === 'string' ? c.payload : JSON.stringify(c.payload),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(c.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as {
      type: string;
      title: string;
      status: number;
      detail: string;
      code: string;
    };
    expect(problem).toMatchObject({ status: c.status });
    expect(problem.detail.length).toBeGreaterThan(0);
    expect(problem.code.length).toBeGreaterThan(0);
    const after = await w.service.get(ctx.disputeId);
    expect(after?.version).toBe(before?.version);
  });

  it('unicode text is kept exactly', async () => {
    const body = '商品破损了 — ça arrive 👀 עברית';
    const res = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${ctx.disputeId}/messages`,
      headers: (await w.as('buyer')) as Record<string, string>,
      payload: { body },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { messages: { body: string }[] }).messages.at(-1)?.body).toBe(body);
  });

  it('an Idempotency-Key replays the first response and refuses a different body', async () => {
    const headers = {
      ...((await w.as('seller')) as Record<string, string>),
      'idempotency-key': `k-${Date.now()}`,
    };
    const payload = {
      offerId: `idem-${Date.now()}`,
      terms: { kind: 'refund', amount: usd('150') },
    };
    const first = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${ctx.disputeId}/offers`,
      headers,
      payload,
    });
    const again = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${ctx.disputeId}/offers`,
      headers,
      payload,
    });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${ctx.disputeId}/offers`,
      headers,
      payload: { ...payload, note: 'changed' },
    });
    expect(other.statusCode).toBe(422);
    expect((other.json() as { code: string }).code).toBe('idempotency.key_reused');
  });
});
